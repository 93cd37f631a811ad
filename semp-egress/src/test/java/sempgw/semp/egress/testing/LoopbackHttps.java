package sempgw.semp.egress.testing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's HTTPS server on loopback: a {@link TestHttpsServer} presenting its own
 * self-signed certificate for {@code localhost} ({@link TestTls}). Tests program
 * {@link #server()} and give their clients {@code tls().trustingContext()}. A test class holds
 * one in a static {@code @RegisterExtension} field, which stops the server after its last test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LoopbackHttps HTTPS = new LoopbackHttps();
 * }</pre>
 */
public record LoopbackHttps(TestTls tls, TestHttpsServer server) implements AfterAllCallback {

    public LoopbackHttps() {
        this(TestTls.selfSigned("localhost"));
    }

    private LoopbackHttps(TestTls tls) {
        this(tls, serving(tls));
    }

    private static TestHttpsServer serving(TestTls tls) {
        try {
            return new TestHttpsServer(tls.serverContext());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("loopback HTTPS server", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
