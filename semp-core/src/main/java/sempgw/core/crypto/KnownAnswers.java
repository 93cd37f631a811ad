package sempgw.core.crypto;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A known-answer self-test of a {@link Curve25519} implementation, run before a native one is
 * trusted: RFC 7748 §5.2's first X25519 vector, the all-zero point refused (§6.1), and RFC 8032
 * §7.1's second Ed25519 vector verified, with one flipped bit refused, and two key pairs from the
 * system's generator, distinct and each matching BouncyCastle's public key for its scalar.
 */
final class KnownAnswers {
    static final byte[] X25519_SCALAR = hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
    static final byte[] X25519_POINT = hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
    static final byte[] X25519_OUTPUT = hex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    static final byte[] ED25519_PUBLIC = hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    static final byte[] ED25519_MESSAGE = hex("72");
    static final byte[] ED25519_SIGNATURE = hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

    private KnownAnswers() {
    }

    /** True when {@code curve} gives every known answer; false on any mismatch or exception. */
    static boolean pass(Curve25519 curve) {
        try {
            byte[] out = new byte[32];
            if (!curve.agree(X25519_SCALAR, X25519_POINT, out) || !MessageDigest.isEqual(out, X25519_OUTPUT)) {
                return false;
            }
            if (curve.agree(X25519_SCALAR, new byte[32], out)) {
                return false;
            }
            if (!generatesValidPairs(curve)) {
                return false;
            }
            Curve25519.Verifier verifier = curve.verifier(ED25519_PUBLIC);
            byte[] flipped = ED25519_SIGNATURE.clone();
            flipped[0] ^= 1;
            return verifier != null
                    && verifier.verify(SignatureContext.GO_UNPREFIXED_KEY_RECORD, ED25519_MESSAGE, ED25519_SIGNATURE)
                    && !verifier.verify(SignatureContext.GO_UNPREFIXED_KEY_RECORD, ED25519_MESSAGE, flipped);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean generatesValidPairs(Curve25519 curve) {
        Curve25519.KeyPair a = curve.generate(RandomSource.secure());
        Curve25519.KeyPair b = curve.generate(RandomSource.secure());
        try {
            return matches(a) && matches(b) && !a.scalar().equalsSecret(b.scalar());
        } finally {
            a.scalar().destroy();
            b.scalar().destroy();
        }
    }

    private static boolean matches(Curve25519.KeyPair pair) {
        byte[] expected = new byte[32];
        X25519.scalarMultBase(pair.scalar().array(), 0, expected, 0);
        return pair.scalar().length() == 32 && MessageDigest.isEqual(expected, pair.publicKey());
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
