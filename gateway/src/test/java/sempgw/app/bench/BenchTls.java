package sempgw.app.bench;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import sempgw.app.tls.SelfSignedCertificate;
import sempgw.app.tls.ServerCredentials;
import sempgw.semp.ingress.http.ServerTls;

/**
 * The receiving gateway's certificate, made as the gateway makes its own when none is configured
 * ({@link SelfSignedCertificate}, host {@value #HOST}), and the senders' trust store holding just
 * that certificate, so host names and chains are verified as in production.
 */
final class BenchTls {
    static final String HOST = "localhost";

    private final ServerCredentials credentials;

    private BenchTls(ServerCredentials credentials) {
        this.credentials = credentials;
    }

    static BenchTls create(Path dir) throws IOException, GeneralSecurityException {
        return new BenchTls(SelfSignedCertificate.loadOrCreate(dir, HOST, Clock.systemUTC()));
    }

    /** The listener's context: ALPN {@code h2}, {@code http/1.1}, as the gateway configures it. */
    SslContext server() throws IOException {
        return ServerTls.forKeyAndCertificate(credentials.privateKey(), credentials.chain().toArray(new X509Certificate[0]));
    }

    /** A client context trusting only the receiving gateway's certificate. */
    SSLContext trust() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("receiver", credentials.leaf());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
