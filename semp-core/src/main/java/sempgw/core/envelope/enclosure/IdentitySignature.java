package sempgw.core.envelope.enclosure;

import java.util.Objects;

/**
 * An identity-key signature block as carried in {@code enclosure.sender_signature} (ENVELOPE.md
 * §6.5) and {@code forwarded_from.forwarder_attestation} (§6.6.3).
 *
 * @param algorithm the signature algorithm, {@value #ED25519} in both suites (§7.3.1)
 * @param keyId fingerprint of the signing identity key
 * @param value base64 signature, "" while being signed
 */
public record IdentitySignature(String algorithm, String keyId, String value) {
    /** The only signature algorithm of the defined suites. */
    public static final String ED25519 = "ed25519";

    public IdentitySignature {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(value, "value");
    }

    /** The block with {@code value} blank, as signed (§6.5.2 step 3). */
    public static IdentitySignature unsigned(String keyId) {
        return new IdentitySignature(ED25519, keyId, "");
    }
}
