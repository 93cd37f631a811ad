package sempgw.core.crypto;

import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 public key (RFC 8032), validated and prepared once for the {@link Curve25519}
 * implementation in use, so that each verification skips the key's decoding.
 */
public final class Ed25519PublicKey {
    /** Public key and signature lengths in bytes. */
    public static final int LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private final byte[] bytes;
    private final Curve25519.Verifier verifier;

    private Ed25519PublicKey(byte[] bytes, Curve25519.Verifier verifier) {
        this.bytes = bytes;
        this.verifier = verifier;
    }

    /**
     * Decodes a raw 32-byte key.
     *
     * @throws CryptoException INVALID_KEY on a wrong length or a non-point encoding
     */
    public static Ed25519PublicKey of(byte[] raw) throws CryptoException {
        if (raw.length != LENGTH) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "Ed25519 public key must be 32 bytes");
        }
        byte[] copy = raw.clone();
        Curve25519.Verifier v = Curve25519.active().verifier(copy);
        if (v == null) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "Ed25519 public key is not a valid point");
        }
        return new Ed25519PublicKey(copy, v);
    }

    /** A copy of the raw 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The raw 32 bytes in standard base64 with padding, as on the wire. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Verifies {@code signature} over {@code context.prefix || message}. Returns false, never
     * throws, for a malformed signature.
     */
    public boolean verify(SignatureContext context, byte[] message, byte[] signature) {
        return verifier.verify(context, message, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey k && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + toBase64() + "]";
    }
}
