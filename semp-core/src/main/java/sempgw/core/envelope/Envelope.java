package sempgw.core.envelope;

import java.util.Objects;

/**
 * A SEMP envelope (ENVELOPE.md §2.1): the public {@link Postmark} and {@link Seal}, the encrypted
 * brief and enclosure, and size padding. {@code type} is always {@value #TYPE}.
 *
 * <p>To put one on the wire use {@link EnvelopeCodec#encode(Envelope)}; to receive one use
 * {@link EnvelopeCodec#decode(byte[], int)}, which keeps the received JSON tree so verification
 * covers exactly the bytes that arrived.
 *
 * @param version protocol version, semver; we send {@value #VERSION}
 * @param postmark routing header
 * @param seal integrity proofs and wrapped keys
 * @param brief base64 of {@code nonce || ChaCha20-Poly1305(K_brief, brief JSON)} (§4.4, §7.1)
 * @param enclosure base64 of {@code nonce || ChaCha20-Poly1305(K_enclosure, enclosure JSON)}
 * @param padding base64-alphabet filler outside the seal (§2.4); may be ""
 */
public record Envelope(String version, Postmark postmark, Seal seal, String brief, String enclosure, String padding) {

    /** The message type (ENVELOPE.md §2.2). */
    public static final String TYPE = "SEMP_ENVELOPE";
    /** The wire version we send; the documents say 0.2.0-draft but every peer sends 1.0.0. */
    public static final String VERSION = "1.0.0";

    public Envelope {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(postmark, "postmark");
        Objects.requireNonNull(seal, "seal");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(enclosure, "enclosure");
        Objects.requireNonNull(padding, "padding");
    }

    /** This envelope with another postmark. */
    public Envelope withPostmark(Postmark newPostmark) {
        return new Envelope(version, newPostmark, seal, brief, enclosure, padding);
    }

    /** This envelope with another seal. */
    public Envelope withSeal(Seal newSeal) {
        return new Envelope(version, postmark, newSeal, brief, enclosure, padding);
    }

    /** This envelope with other padding. */
    public Envelope withPadding(String newPadding) {
        return new Envelope(version, postmark, seal, brief, enclosure, newPadding);
    }

    /** Shows the postmark id only: the rest is routing metadata or ciphertext. */
    @Override
    public String toString() {
        return "Envelope[" + postmark.id() + "]";
    }
}
