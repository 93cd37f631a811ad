package sempgw.app.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import sempgw.app.config.ConfigException;

/**
 * The trust anchors for peers' HTTPS endpoints (configuration and key documents, federation):
 * the JDK's, plus every certificate in {@code semp.trust_file} when it is set. The bundle adds to
 * the JDK anchors rather than replacing them, so a gateway that trusts one private peer still
 * federates with the public ones. A certificate in the bundle is a trust anchor (PKIX, RFC 5280
 * §6.1.1 (d)): a peer's self-signed certificate can be listed as is. Host names are still checked
 * against the certificate (RFC 9110 §4.3.4), whatever the anchor.
 */
public final class PeerTrust {
    private PeerTrust() {
    }

    /**
     * @throws ConfigException if the bundle cannot be read or holds no certificate
     * @throws IOException if the platform's trust store cannot be loaded
     */
    public static SSLContext context(Optional<Path> bundle) throws IOException {
        try {
            TrustManagerFactory platform = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            platform.init((KeyStore) null);
            SSLContext context = SSLContext.getInstance("TLS");
            if (bundle.isEmpty()) {
                context.init(null, platform.getTrustManagers(), null);
                return context;
            }
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            List<X509Certificate> all = new ArrayList<>(platformAnchors(platform.getTrustManagers()));
            all.addAll(read(bundle.get()));
            for (int i = 0; i < all.size(); i++) {
                anchors.setCertificateEntry("anchor-" + i, all.get(i));
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance("PKIX");
            combined.init(anchors);
            context.init(null, combined.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the TLS trust for SEMP peers: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> platformAnchors(TrustManager[] managers) {
        return Arrays.stream(managers).filter(m -> m instanceof X509TrustManager)
                .flatMap(m -> Arrays.stream(((X509TrustManager) m).getAcceptedIssuers())).toList();
    }

    private static List<X509Certificate> read(Path file) {
        try {
            return PemFiles.readCertificates(file);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ConfigException("semp.trust_file", "\"" + file + "\"", "a readable PEM file of one or more certificates (" + e + ")");
        }
    }
}
