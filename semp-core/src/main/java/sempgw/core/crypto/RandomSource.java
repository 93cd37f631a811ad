package sempgw.core.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Where keys, nonces and padding get their randomness. Production code passes
 * {@link #secure()}; tests pass a scripted source to reproduce vectors byte for byte.
 */
@FunctionalInterface
public interface RandomSource {

    /** Fills {@code out} with random bytes. */
    void nextBytes(byte[] out);

    /** Fresh random bytes. */
    default byte[] bytes(int n) {
        byte[] b = new byte[n];
        nextBytes(b);
        return b;
    }

    /**
     * True only for the system's generator ({@link #secure()}): any cryptographically secure
     * generator may then stand in for this one, so native code may draw its own randomness where
     * that is faster (an ephemeral X25519 key pair in BoringSSL, {@link Curve25519#generate}).
     * Every other source, a scripted one in tests above all, sees each draw.
     */
    default boolean isSystem() {
        return false;
    }

    /**
     * The system's generator, one shared thread-safe instance: BoringSSL's {@code RAND_bytes}
     * where BoringSSL loads ({@link BoringSsl}), else the platform's default {@link SecureRandom}.
     * BoringSSL's is about 30x faster for the kilobytes of padding in each envelope, where the
     * JDK's NativePRNG mixes every block of {@code /dev/urandom} with SHA-1 under a global lock.
     */
    static RandomSource secure() {
        return SystemRandom.INSTANCE;
    }

    /** A source over a given {@link SecureRandom}. */
    static RandomSource of(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return random::nextBytes;
    }
}
