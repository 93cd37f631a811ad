package sempgw.core.crypto;

import java.util.Objects;

/**
 * The result of {@link Kem#encapsulate}: the ciphertext to send and the shared secret to keep.
 *
 * @param ciphertext what the peer needs to decapsulate (X25519: the ephemeral public key)
 * @param sharedSecret the shared secret; destroy it once keys are derived
 */
public record KemEncapsulation(byte[] ciphertext, SecretBytes sharedSecret) {
    public KemEncapsulation {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(sharedSecret, "sharedSecret");
    }

    /** Redacted. */
    @Override
    public String toString() {
        return "KemEncapsulation[ciphertext=" + ciphertext.length + " bytes, sharedSecret=redacted]";
    }
}
