package sempgw.core.crypto;

import java.security.Provider;
import java.util.Optional;
import org.conscrypt.Conscrypt;

/**
 * BoringSSL through Conscrypt's JCA provider, loaded once: a private provider instance (the JVM's
 * provider list and TLS are left alone), absent where Conscrypt's native library does not load
 * (it ships for Linux x86-64 and aarch64 and unpacks to {@code java.io.tmpdir}) or when the system
 * property {@value #PROPERTY} is {@code false}. Each user checks the provider's answers against a
 * known answer before trusting it ({@link Curve25519}, {@link ChaCha20Poly1305}).
 */
final class BoringSsl {
    /** System property: {@code false} keeps every primitive in Java. */
    static final String PROPERTY = "sempgw.crypto.boringssl";

    private static final Provider PROVIDER = load(System.getProperty(PROPERTY, "true"));

    private BoringSsl() {
    }

    /** The provider, or empty where it does not load or is switched off. */
    static Optional<Provider> provider() {
        return Optional.ofNullable(PROVIDER);
    }

    /** A name for logs, e.g. {@code BoringSSL (Conscrypt 2.6.0)}. */
    static String name() {
        Conscrypt.Version v = Conscrypt.version();
        return "BoringSSL (Conscrypt" + (v == null ? "" : " " + v.major() + "." + v.minor() + "." + v.patch()) + ")";
    }

    static Provider load(String enabled) {
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException(PROPERTY + " must be true or false, not " + enabled);
        }
        if (enabled.equals("false")) {
            return null;
        }
        try {
            return Conscrypt.isAvailable() ? Conscrypt.newProvider() : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
