package sempgw.core.crypto;

import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * Fixed hash functions: SHA-256 (confirmation hash, proof of work, fingerprints; ENVELOPE.md
 * §7.3.4), SHA-512 (attachment hashes), SHA3-256 and SHAKE256 (Kyber round 3, FIPS 202).
 */
public final class Digests {
    private Digests() {
    }

    /** SHA-256 over the concatenation of {@code parts} (FIPS 180-4). */
    public static byte[] sha256(byte[]... parts) {
        MessageDigest md = Jca.sha256();
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    /** SHA-512 over the concatenation of {@code parts} (FIPS 180-4), e.g. {@code sha512:} attachment hashes. */
    public static byte[] sha512(byte[]... parts) {
        MessageDigest md = Jca.sha512();
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    /** SHA3-256 over the concatenation of {@code parts} (FIPS 202). */
    public static byte[] sha3_256(byte[]... parts) {
        MessageDigest md = Jca.sha3_256();
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    /** The first {@code outLength} bytes of SHAKE256 over the concatenation of {@code parts}. */
    public static byte[] shake256(int outLength, byte[]... parts) {
        SHAKEDigest d = new SHAKEDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[outLength];
        d.doFinal(out, 0, outLength);
        return out;
    }
}
