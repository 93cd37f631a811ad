package sempgw.core.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 (RFC 2104) on the JDK provider. */
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
        javax.crypto.Mac m = newMac(key.array());
        m.update(data, off, len);
        return m.doFinal();
    }

    @Override
    public boolean verify(SecretBytes key, byte[] data, byte[] tag) {
        return MessageDigest.isEqual(compute(key, data), tag);
    }

    static javax.crypto.Mac newMac(byte[] key) {
        try {
            javax.crypto.Mac m = Jca.hmacSha256();
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 rejected its key", e);
        }
    }
}
