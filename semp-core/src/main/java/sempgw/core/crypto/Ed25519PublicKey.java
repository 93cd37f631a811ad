package sempgw.core.crypto;

import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (RFC 8032), decoded once so that each verification skips point
 * decompression. BouncyCastle's lightweight API is used: the JDK's Ed25519 is about ten times
 * slower here (PERF-ANCHORS.md).
 */
public final class Ed25519PublicKey {
    /** Public key and signature lengths in bytes. */
    public static final int LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private final byte[] bytes;
    private final Ed25519.PublicPoint point;

    private Ed25519PublicKey(byte[] bytes, Ed25519.PublicPoint point) {
        this.bytes = bytes;
        this.point = point;
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
        Ed25519.PublicPoint p = Ed25519.validatePublicKeyPartialExport(copy, 0);
        if (p == null) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "Ed25519 public key is not a valid point");
        }
        return new Ed25519PublicKey(copy, p);
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
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        byte[] m = context.prefixed(message);
        return Ed25519.verify(signature, 0, point, m, 0, m.length);
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
