package sempgw.core.crypto;

/**
 * X25519 key generation and agreement (RFC 7748) and Ed25519 verification (RFC 8032) from the
 * fastest implementation that works here: BoringSSL ({@link BoringSsl}), else BouncyCastle's pure
 * Java. Both
 * give the same answers, which {@code Curve25519Test} checks against the RFC vectors and each
 * other. Signatures are computed by BouncyCastle in every case ({@link Ed25519PrivateKey#sign}
 * says why).
 *
 * <p>On this machine class BoringSSL's X25519 agreement is about 2.5x BouncyCastle's, its key
 * generation about 2.5x, and its Ed25519 verification 1.3-1.6x (docs/benchmarks.md, "SEMP core"). The choice is made once, on first use:
 * BoringSSL when it loads and passes a known-answer self-test; {@link #active()} says which.
 */
sealed interface Curve25519 permits BoringSslCurve25519, BouncyCastleCurve25519 {

    /** The implementation in use. */
    static Curve25519 active() {
        return Selection.ACTIVE;
    }

    /** A name for logs, e.g. {@code BoringSSL (Conscrypt 2.6.0)}. */
    String name();

    /**
     * X25519 of the first 32 bytes of {@code scalar} and of {@code point} (hybrid keys carry the
     * X25519 key first) into {@code out} (32 bytes); false when the result is all-zero (a
     * low-order point, RFC 7748 §6.1).
     */
    boolean agree(byte[] scalar, byte[] point, byte[] out);

    /**
     * A fresh X25519 key pair. The scalar is 32 bytes drawn from {@code random}, except that where
     * {@code random} is the system's ({@link RandomSource#isSystem()}) an implementation may draw
     * from its own generator: BoringSSL's fixed-base multiplication (about 2.5x BouncyCastle's) is
     * reachable only through its own key generation, which uses the generator
     * {@link RandomSource#secure()} draws from.
     */
    KeyPair generate(RandomSource random);

    /** An X25519 key pair: the scalar (clamped when used, RFC 7748 §5) and its public key. */
    record KeyPair(SecretBytes scalar, byte[] publicKey) {
    }

    /** An Ed25519 verifier for a raw public key, or null when the key is not a valid point encoding. */
    Verifier verifier(byte[] publicKey);

    /** Verifies with one key. */
    interface Verifier {
        /** True when {@code signature} is valid over {@code context.prefix || message}; false, never an exception, otherwise. */
        boolean verify(SignatureContext context, byte[] message, byte[] signature);
    }

    /** The choice, made on first use. */
    final class Selection {
        static final Curve25519 ACTIVE = BoringSsl.provider()
                .<Curve25519>map(BoringSslCurve25519::new)
                .filter(KnownAnswers::pass)
                .orElse(BouncyCastleCurve25519.INSTANCE);

        private Selection() {
        }
    }
}
