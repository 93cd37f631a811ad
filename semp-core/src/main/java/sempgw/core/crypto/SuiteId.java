package sempgw.core.crypto;

import java.util.Optional;

/** The SEMP algorithm suite identifiers (ENVELOPE.md §7.3.1). */
public enum SuiteId {
    /** X25519, ChaCha20-Poly1305, HMAC-SHA-256, HKDF-SHA-512, Ed25519: the MUST suite. */
    X25519_CHACHA20_POLY1305("x25519-chacha20-poly1305"),
    /** Kyber768 (round 3) + X25519 hybrid with the same other primitives: RECOMMENDED. */
    PQ_KYBER768_X25519("pq-kyber768-x25519");

    private final String wireName;

    SuiteId(String wireName) {
        this.wireName = wireName;
    }

    /** The identifier as written in {@code seal.algorithm} and handshake messages. */
    public String wireName() {
        return wireName;
    }

    /** The suite named {@code wireName} (case-sensitive), if known. */
    public static Optional<SuiteId> parse(String wireName) {
        for (SuiteId id : values()) {
            if (id.wireName.equals(wireName)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * The suite whose KEM an encryption key's {@code algorithm} names. Accepts semp-go's
     * {@code "x25519"} as well as the spec's suite ids (KEY.md §2.3; SPEC-DIGEST-WIRE §8).
     */
    public static Optional<SuiteId> fromKeyAlgorithm(String algorithm) {
        if ("x25519".equals(algorithm)) {
            return Optional.of(X25519_CHACHA20_POLY1305);
        }
        return parse(algorithm);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
