package sempgw.core.envelope.seal;

import java.util.Base64;
import java.util.Objects;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.HmacSha256;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCanonical;
import sempgw.core.envelope.EnvelopePadding;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.json.ElidedCanonical;
import sempgw.core.keys.DomainSigningPrivateKey;

/**
 * The server's half of ENVELOPE.md §7.1 (steps 11-13): seal an envelope for the session it leaves
 * in.
 *
 * <ol>
 *   <li>Set {@code postmark.session_id} to that session (a federation hop re-seals in its own
 *   session, as semp-go's forwarder does; SPEC-DIGEST-WIRE §3.3) and {@code seal.key_id} to our
 *   signing key's fingerprint (§4.2).</li>
 *   <li>Canonicalize once (§4.3), noting where the elided members go
 *   ({@link EnvelopeCanonical#elided}).</li>
 *   <li>If the changes of step 1 moved the wire size off its bucket, refit the padding, which is
 *   outside the seal (§2.4.3); the wire size is that of the canonical bytes with the elided
 *   members put back, counted without writing them. An envelope over {@code max_envelope_size}
 *   fails with {@code envelope_size_exceeded}.</li>
 *   <li>Sign {@code "SEMP-ENVELOPE:" || C} with the domain key and MAC {@code C} with the session's
 *   {@code K_env_mac} (no prefix, VECTORS.md §6.1).</li>
 *   <li>The wire bytes are {@code C} with signature, MAC, padding and any {@code hop_count} put
 *   back in their places ({@link EnvelopeCanonical#wire}).</li>
 * </ol>
 */
public final class EnvelopeSealer {
    private static final String SIGNATURE_PLACEHOLDER = "A".repeat(86) + "==";
    private static final String MAC_PLACEHOLDER = "A".repeat(43) + "=";

    private final DomainSigningPrivateKey key;
    private final SizeBuckets buckets;

    /** A sealer signing with {@code key} and padding to {@code buckets}. */
    public EnvelopeSealer(DomainSigningPrivateKey key, SizeBuckets buckets) {
        this.key = Objects.requireNonNull(key, "key");
        this.buckets = Objects.requireNonNull(buckets, "buckets");
    }

    /**
     * Seals {@code envelope} for session {@code sessionId}: {@link #sealForWire}'s envelope.
     *
     * @throws SempException ENVELOPE_SIZE_EXCEEDED when the envelope exceeds {@code max_envelope_size}
     */
    public Envelope seal(Envelope envelope, String sessionId, SecretBytes envMacKey, RandomSource random) throws SempException {
        return sealForWire(envelope, sessionId, envMacKey, random).envelope();
    }

    /**
     * Seals {@code envelope} for session {@code sessionId}, with its canonical and wire bytes.
     *
     * @param envMacKey the session's {@code K_env_mac}
     * @param random fresh characters if the padding must grow
     * @throws SempException ENVELOPE_SIZE_EXCEEDED when the envelope exceeds {@code max_envelope_size}
     */
    public SealedEnvelope sealForWire(Envelope envelope, String sessionId, SecretBytes envMacKey, RandomSource random)
            throws SempException {
        String keyId = key.keyId().hex();
        Envelope placed = envelope.withPostmark(envelope.postmark().withSessionId(sessionId))
                .withSeal(envelope.seal().withSignature(keyId, SIGNATURE_PLACEHOLDER, MAC_PLACEHOLDER));
        ElidedCanonical c = EnvelopeCanonical.elided(placed);
        int unpadded = EnvelopeCanonical.wireLength(c, SIGNATURE_PLACEHOLDER, MAC_PLACEHOLDER, "");
        String padding = EnvelopePadding.paddingFor(unpadded, placed.padding(), buckets, random).orElseThrow(() ->
                new SempException(SempReason.ENVELOPE_SIZE_EXCEEDED, "envelope exceeds max_envelope_size " + buckets.max()));
        byte[] canonical = c.bytes();
        String signature = Base64.getEncoder().encodeToString(key.sign(SignatureContext.ENVELOPE, canonical));
        String mac = Base64.getEncoder().encodeToString(HmacSha256.INSTANCE.compute(envMacKey, canonical));
        Envelope sealed = placed.withPadding(padding).withSeal(placed.seal().withSignature(keyId, signature, mac));
        return new SealedEnvelope(sealed, canonical, EnvelopeCanonical.wire(c, signature, mac, padding));
    }
}
