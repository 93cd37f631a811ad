package sempgw.core.crypto;

/**
 * {@code pq-kyber768-x25519}: Kyber768 (round 3) + X25519 hybrid KEM, recommended
 * (ENVELOPE.md §7.3.2). Layouts and roles follow semp-go (SPEC-DIGEST-WIRE §1.2).
 */
public record PqKyber768X25519Suite() implements CryptoSuite {

    /** The one instance. */
    public static final PqKyber768X25519Suite INSTANCE = new PqKyber768X25519Suite();

    @Override
    public SuiteId id() {
        return SuiteId.PQ_KYBER768_X25519;
    }

    @Override
    public Kem kem() {
        return HybridKem.INSTANCE;
    }
}
