package sempgw.app.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigException;

final class PeerTrustTest {
    @TempDir
    Path dir;

    @Test
    void context_bundleWithThePeersSelfSignedCertificate_handshakeSucceeds() throws Exception {
        ServerCredentials peer = SelfSignedCertificate.loadOrCreate(dir.resolve("peer"), "localhost", Clock.systemUTC());
        assertThat(handshake(TlsContexts.server(peer), PeerTrust.context(Optional.of(dir.resolve("peer/selfsigned-cert.pem"))))).isTrue();
    }

    @Test
    void context_noBundle_selfSignedPeerRefused() throws Exception {
        ServerCredentials peer = SelfSignedCertificate.loadOrCreate(dir.resolve("peer"), "localhost", Clock.systemUTC());
        assertThat(handshake(TlsContexts.server(peer), PeerTrust.context(Optional.empty()))).isFalse();
    }

    @Test
    void context_bundleWithAnotherCertificate_peerRefused() throws Exception {
        ServerCredentials peer = SelfSignedCertificate.loadOrCreate(dir.resolve("peer"), "localhost", Clock.systemUTC());
        SelfSignedCertificate.loadOrCreate(dir.resolve("other"), "localhost", Clock.systemUTC());
        assertThat(handshake(TlsContexts.server(peer), PeerTrust.context(Optional.of(dir.resolve("other/selfsigned-cert.pem"))))).isFalse();
    }

    @Test
    void context_unreadableBundle_configExceptionNamingTheKey() throws IOException {
        Path notPem = Files.writeString(dir.resolve("peers.pem"), "not a certificate\n");
        assertThatThrownBy(() -> PeerTrust.context(Optional.of(notPem))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("semp.trust_file = \"" + notPem + "\" is not allowed: a readable PEM file");
        assertThatThrownBy(() -> PeerTrust.context(Optional.of(dir.resolve("missing.pem")))).isInstanceOf(ConfigException.class);
    }

    /** A TLS 1.3 handshake to a loopback server, with the host name checked as HTTPS does. */
    private static boolean handshake(SSLContext server, SSLContext client) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accept = Thread.ofVirtual().start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept(); InputStream in = s.getInputStream()) {
                    in.read();
                } catch (IOException expected) {
                    // the client may abort the handshake
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", listener.getLocalPort())) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return true;
            } catch (SSLHandshakeException refused) {
                return false;
            } finally {
                accept.join(5_000);
            }
        }
    }
}
