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

    /** The platform's default {@link SecureRandom} (thread-safe; one shared instance). */
    static RandomSource secure() {
        return Holder.SECURE;
    }

    /** A source over a given {@link SecureRandom}. */
    static RandomSource of(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return random::nextBytes;
    }

    /** Holds the shared default source. */
    final class Holder {
        private static final RandomSource SECURE = of(new SecureRandom());

        private Holder() {
        }
    }
}
