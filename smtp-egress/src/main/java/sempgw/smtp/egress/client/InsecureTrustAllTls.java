package sempgw.smtp.egress.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context for opportunistic and unauthenticated encryption ({@link TlsPolicy#MAY},
 * {@link TlsPolicy#ENCRYPT}): it accepts any server certificate. That is what those levels
 * mean (RFC 7435 §1.3: opportunistic security protects against passive attackers only), and
 * it is why the name says Insecure: routes that need authentication use {@link TlsPolicy#VERIFY}.
 */
public final class InsecureTrustAllTls {

    private static final SSLSocketFactory FACTORY = create();

    private InsecureTrustAllTls() {
    }

    public static SSLSocketFactory socketFactory() {
        return FACTORY;
    }

    private static SSLSocketFactory create() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAny()}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS implementation", e);
        }
    }

    private static final class AcceptAny extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
