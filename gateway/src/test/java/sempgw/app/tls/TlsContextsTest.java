package sempgw.app.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigException;
import sempgw.app.config.TlsConfig;
import sempgw.semp.egress.testing.MutableClock;

final class TlsContextsTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void server_selfSigned_clientTrustingItCompletesAHandshake() throws Exception {
        SSLContext server = TlsContexts.server(new TlsConfig(Optional.empty(), Optional.empty()), dir.resolve("tls"), "gw.example.org", clock);
        X509Certificate cert = PemFiles.readCertificates(dir.resolve("tls").resolve(SelfSignedCertificate.CERT_FILE)).getFirst();
        assertThat(handshake(server, cert)).isEqualTo(cert);
    }

    @Test
    void server_configuredPemFilesWithSec1Key_used() throws Exception {
        ServerCredentials c = SelfSignedCertificate.create("mail.example.org", clock.instant());
        Path certFile = dir.resolve("cert.pem");
        PemFiles.writeCertificate(certFile, c.leaf());
        Path keyFile = dir.resolve("key.pem");
        StringWriter pem = new StringWriter();
        try (PemWriter w = new PemWriter(pem)) {
            w.writeObject(new PemObject("EC PRIVATE KEY", sec1(c.privateKey()).getEncoded()));
        }
        Files.writeString(keyFile, pem.toString());
        assertThat(pem.toString()).startsWith("-----BEGIN EC PRIVATE KEY-----");

        SSLContext server = TlsContexts.server(new TlsConfig(Optional.of(certFile), Optional.of(keyFile)), dir.resolve("unused"), "x", clock);
        assertThat(handshake(server, c.leaf())).isEqualTo(c.leaf());
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void checkConfigured_keyOfAnotherCertificate_rejectedNamingKeyFile() throws Exception {
        ServerCredentials c = SelfSignedCertificate.create("mail.example.org", clock.instant());
        Path certFile = dir.resolve("cert.pem");
        PemFiles.writeCertificate(certFile, c.leaf());
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        Path keyFile = dir.resolve("other.pem");
        PemFiles.writePrivateKey(keyFile, g.generateKeyPair().getPrivate());

        assertThatThrownBy(() -> TlsContexts.checkConfigured(certFile, keyFile)).isInstanceOf(ConfigException.class)
                .hasMessage("tls.key_file = \"" + keyFile + "\" is not allowed: the private key of the certificate in tls.cert_file");
    }

    @Test
    void checkConfigured_missingCertificate_rejectedNamingCertFile() throws Exception {
        Path keyFile = dir.resolve("key.pem");
        PemFiles.writePrivateKey(keyFile, SelfSignedCertificate.create("a.example", clock.instant()).privateKey());
        assertThatThrownBy(() -> TlsContexts.checkConfigured(dir.resolve("missing.pem"), keyFile)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("tls.cert_file = \"" + dir.resolve("missing.pem") + "\" is not allowed: a readable PEM certificate chain");
    }

    @Test
    void checkConfigured_notAKey_rejectedNamingKeyFile() throws Exception {
        Path certFile = dir.resolve("cert.pem");
        PemFiles.writeCertificate(certFile, SelfSignedCertificate.create("a.example", clock.instant()).leaf());
        assertThatThrownBy(() -> TlsContexts.checkConfigured(certFile, certFile)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("tls.key_file = \"" + certFile + "\" is not allowed: a readable, unencrypted PEM private key");
    }

    /** The key as OpenSSL writes it with {@code openssl ecparam -genkey}: SEC 1 (RFC 5915) with the curve named inside. */
    private static ECPrivateKey sec1(java.security.PrivateKey key) throws java.io.IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        return new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
    }

    /** A TLS handshake on loopback with a client that trusts only {@code trusted}; returns the certificate the server presented. */
    private static X509Certificate handshake(SSLContext server, X509Certificate trusted) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gw", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread accept = Thread.ofVirtual().start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (Exception ignored) {
                    // the client's assertions report any failure
                }
            });
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(listener.getInetAddress(), listener.getLocalPort())) {
                s.startHandshake();
                X509Certificate presented = (X509Certificate) s.getSession().getPeerCertificates()[0];
                s.getOutputStream().write(1);
                accept.join();
                return presented;
            }
        }
    }
}
