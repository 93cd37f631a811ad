package sempgw.core.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Curve25519 in BouncyCastle's pure-Java lightweight API: runs everywhere, the fallback. */
final class BouncyCastleCurve25519 implements Curve25519 {
    static final BouncyCastleCurve25519 INSTANCE = new BouncyCastleCurve25519();

    private BouncyCastleCurve25519() {
    }

    @Override
    public String name() {
        return "BouncyCastle (pure Java)";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean agree(byte[] scalar, byte[] point, byte[] out) {
        return X25519.calculateAgreement(scalar, 0, point, 0, out, 0);
    }

    @Override
    public KeyPair generate(RandomSource random) {
        byte[] scalar = random.bytes(X25519.SCALAR_SIZE);
        byte[] pub = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(scalar, 0, pub, 0);
        return new KeyPair(SecretBytes.wrap(scalar), pub);
    }

    @Override
    public Verifier verifier(byte[] publicKey) {
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(publicKey, 0);
        if (point == null) {
            return null;
        }
        return (context, message, signature) -> {
            if (signature.length != Ed25519PublicKey.SIGNATURE_LENGTH) {
                return false;
            }
            byte[] m = context.prefixed(message);
            return Ed25519.verify(signature, 0, point, m, 0, m.length);
        };
    }
}
