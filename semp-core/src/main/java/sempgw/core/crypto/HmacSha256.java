package sempgw.core.crypto;

import java.security.MessageDigest;

/** HMAC-SHA-256 (RFC 2104) over the JDK's SHA-256, leaving no copy of the key behind ({@link Hmac}). */
public final class HmacSha256 implements Mac {

    /** The one instance. */
    public static final HmacSha256 INSTANCE = new HmacSha256();

    private HmacSha256() {
    }

    @Override
    public int tagLength() {
        return 32;
    }

    @Override
    public byte[] compute(SecretBytes key, byte[] data) {
        return compute(key, data, 0, data.length);
    }

    @Override
    public byte[] compute(SecretBytes key, byte[] data, int off, int len) {
        return Hmac.sha256(key.array(), data, off, len);
    }

    @Override
    public boolean verify(SecretBytes key, byte[] data, byte[] tag) {
        return MessageDigest.isEqual(compute(key, data), tag);
    }
}
