package sempgw.core.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA-512 (RFC 5869) written over the JDK's HmacSHA512. */
public final class HkdfSha512 implements Hkdf {

    /** The one instance. */
    public static final HkdfSha512 INSTANCE = new HkdfSha512();

    private static final int HASH = 64;

    private HkdfSha512() {
    }

    @Override
    public SecretBytes extract(byte[] salt, SecretBytes ikm) {
        javax.crypto.Mac m = mac(salt.length == 0 ? new byte[HASH] : salt);
        return SecretBytes.wrap(m.doFinal(ikm.array()));
    }

    @Override
    public SecretBytes expand(SecretBytes prk, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH) {
            throw new IllegalArgumentException("HKDF output length out of range");
        }
        javax.crypto.Mac m = mac(prk.array());
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            m.update(t);
            m.update(info);
            m.update((byte) i);
            Arrays.fill(t, (byte) 0);
            t = m.doFinal();
            int n = Math.min(HASH, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        Arrays.fill(t, (byte) 0);
        return SecretBytes.wrap(out);
    }

    private static javax.crypto.Mac mac(byte[] key) {
        try {
            javax.crypto.Mac m = Jca.hmacSha512();
            m.init(new SecretKeySpec(key, "HmacSHA512"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 rejected its key", e);
        }
    }
}
