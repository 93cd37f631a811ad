package sempgw.core.crypto;

import java.util.Optional;

/**
 * A SEMP algorithm suite: KEM, AEAD, MAC and KDF negotiated as one indivisible bundle
 * (ENVELOPE.md §7.3, CONFORMANCE.md §6.1). Signing is Ed25519 in every suite and lives with the
 * keys ({@link Ed25519PrivateKey}); the confirmation and proof-of-work hashes are fixed SHA-256
 * outside any suite (ENVELOPE.md §7.3.4).
 *
 * <pre>{@code
 * CryptoSuite suite = CryptoSuite.of(SuiteId.X25519_CHACHA20_POLY1305);
 * KemEncapsulation e = suite.kem().encapsulate(peerPublicKey, RandomSource.secure());
 * }</pre>
 */
public sealed interface CryptoSuite permits X25519ChaCha20Poly1305Suite, PqKyber768X25519Suite {

    /** The suite identifier. */
    SuiteId id();

    /** The key encapsulation mechanism (ENVELOPE.md §7.3.1 "Key agreement"). */
    Kem kem();

    /** ChaCha20-Poly1305 in both suites. */
    default Aead aead() {
        return ChaCha20Poly1305.INSTANCE;
    }

    /** HMAC-SHA-256 in both suites. */
    default Mac mac() {
        return HmacSha256.INSTANCE;
    }

    /** HKDF-SHA-512 in both suites. */
    default Hkdf kdf() {
        return HkdfSha512.INSTANCE;
    }

    /**
     * Which code runs the primitives that have a native implementation, for the operator's log,
     * e.g. {@code X25519 and Ed25519 verification by BoringSSL (Conscrypt 2.6.0), ChaCha20-Poly1305
     * by BoringSSL (Conscrypt 2.6.0), ML-KEM-768 by the JDK (vector intrinsics), random bytes from
     * BoringSSL (Conscrypt 2.6.0)}; where
     * Conscrypt's native library does not load, BouncyCastle and the JDK.
     */
    static String implementations() {
        return "X25519 and Ed25519 verification by " + Curve25519.active().name() + ", ChaCha20-Poly1305 by "
                + ChaCha20Poly1305.implementation() + ", ML-KEM-768 by " + MlKem768.active().name() + ", random bytes from "
                + SystemRandom.INSTANCE.name();
    }

    /** The suite for {@code id}. */
    static CryptoSuite of(SuiteId id) {
        return switch (id) {
            case X25519_CHACHA20_POLY1305 -> X25519ChaCha20Poly1305Suite.INSTANCE;
            case PQ_KYBER768_X25519 -> PqKyber768X25519Suite.INSTANCE;
        };
    }

    /** The suite named {@code wireName}, if we support it. */
    static Optional<CryptoSuite> lookup(String wireName) {
        return SuiteId.parse(wireName).map(CryptoSuite::of);
    }
}
