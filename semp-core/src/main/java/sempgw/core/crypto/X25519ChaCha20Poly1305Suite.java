package sempgw.core.crypto;

/** {@code x25519-chacha20-poly1305}: the baseline suite every implementation supports (ENVELOPE.md §7.3.2). */
public record X25519ChaCha20Poly1305Suite() implements CryptoSuite {

    /** The one instance. */
    public static final X25519ChaCha20Poly1305Suite INSTANCE = new X25519ChaCha20Poly1305Suite();

    @Override
    public SuiteId id() {
        return SuiteId.X25519_CHACHA20_POLY1305;
    }

    @Override
    public Kem kem() {
        return X25519Kem.INSTANCE;
    }
}
