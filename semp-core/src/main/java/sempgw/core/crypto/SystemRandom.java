package sempgw.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@link RandomSource#secure()}: BoringSSL's generator where it loads and answers a sanity check
 * (two draws differ, neither all-zero), else the platform's default {@link SecureRandom}.
 */
final class SystemRandom implements RandomSource {
    static final SystemRandom INSTANCE = choose();

    private final SecureRandom random;
    private final String name;

    private SystemRandom(SecureRandom random, String name) {
        this.random = random;
        this.name = name;
    }

    @Override
    public void nextBytes(byte[] out) {
        random.nextBytes(out);
    }

    @Override
    public boolean isSystem() {
        return true;
    }

    /** A name for logs, e.g. {@code BoringSSL (Conscrypt 2.6.0)} or {@code the JDK's NativePRNG}. */
    String name() {
        return name;
    }

    @Override
    public String toString() {
        return "SystemRandom[" + name + "]";
    }

    private static SystemRandom choose() {
        return boringSsl().orElseGet(() -> {
            SecureRandom jdk = new SecureRandom();
            return new SystemRandom(jdk, "the JDK's " + jdk.getAlgorithm());
        });
    }

    /** Conscrypt registers BoringSSL's {@code RAND_bytes} under the JCA name SHA1PRNG. */
    private static Optional<SystemRandom> boringSsl() {
        return BoringSsl.provider().flatMap(p -> {
            try {
                SecureRandom r = SecureRandom.getInstance("SHA1PRNG", p);
                return plausible(r) ? Optional.of(new SystemRandom(r, BoringSsl.name())) : Optional.empty();
            } catch (GeneralSecurityException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** A generator that repeats itself or returns zeros is broken; this cannot prove the opposite. */
    static boolean plausible(SecureRandom r) {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        r.nextBytes(a);
        r.nextBytes(b);
        return !Arrays.equals(a, b) && !Arrays.equals(a, new byte[32]) && !Arrays.equals(b, new byte[32]);
    }
}
