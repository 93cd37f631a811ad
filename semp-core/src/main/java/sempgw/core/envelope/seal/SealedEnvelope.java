package sempgw.core.envelope.seal;

import java.util.Objects;
import sempgw.core.envelope.Envelope;

/**
 * An envelope sealed for one session, with the bytes its sealing produced, so that the sender
 * neither encodes it for the wire nor canonicalizes it for the receipt check again.
 *
 * @param envelope the sealed envelope
 * @param canonical the ENVELOPE.md §4.3 canonical bytes that {@code seal.signature} and
 *     {@code seal.session_mac} cover, which a delivery receipt's {@code envelope_hash} is the
 *     SHA-256 of (DELIVERY.md §1.1.1.3): {@code EnvelopeCanonical.of(envelope)}; not copied,
 *     never modified
 * @param wire the wire bytes, padding included and on a size bucket (ENVELOPE.md §2.4.1):
 *     {@code EnvelopeCodec.encode(envelope)}; not copied, never modified
 */
public record SealedEnvelope(Envelope envelope, byte[] canonical, byte[] wire) {
    public SealedEnvelope {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(wire, "wire");
    }

    /** Shows the postmark id and the wire size only. */
    @Override
    public String toString() {
        return "SealedEnvelope[" + envelope.postmark().id() + ", " + wire.length + " bytes]";
    }
}
