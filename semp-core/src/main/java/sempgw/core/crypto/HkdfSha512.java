package sempgw.core.crypto;

import java.util.Arrays;

/** HKDF-SHA-512 (RFC 5869) over {@link Hmac}, which leaves no copy of the PRK or the input key behind. */
public final class HkdfSha512 implements Hkdf {

    /** The one instance. */
    public static final HkdfSha512 INSTANCE = new HkdfSha512();

    private static final int HASH = 64;

    private HkdfSha512() {
    }

    @Override
    public SecretBytes extract(byte[] salt, SecretBytes ikm) {
        return SecretBytes.wrap(Hmac.sha512(salt.length == 0 ? new byte[HASH] : salt, d -> d.update(ikm.array())));
    }

    @Override
    public SecretBytes expand(SecretBytes prk, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH) {
            throw new IllegalArgumentException("HKDF output length out of range");
        }
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            byte[] previous = t;
            byte counter = (byte) i;
            t = Hmac.sha512(prk.array(), d -> {
                d.update(previous);
                d.update(info);
                d.update(counter);
            });
            Arrays.fill(previous, (byte) 0);
            int n = Math.min(HASH, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        Arrays.fill(t, (byte) 0);
        return SecretBytes.wrap(out);
    }
}
