package sempgw.smtp.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.UnaryOperator;
import sempgw.smtp.ingress.auth.PasswordFileAuthenticator;
import sempgw.smtp.ingress.auth.PasswordHash;
import sempgw.smtp.ingress.policy.SenderLoginsFile;

/**
 * An ingress on 127.0.0.1 with a {@link FakeMessageQueue}, a fixed clock, TLS with the test
 * certificate, the local domain {@code example.org} (users alice and bob), the AUTH users
 * {@code carol} and {@code alice@example.org} (both with {@code correct horse}) and their sender
 * logins: carol may send as {@code carol@org.example}, alice as herself and
 * {@code sales@example.org}. Tests change what they need through the builder.
 */
final class TestIngress implements AutoCloseable {
    static final String HOST = "mx.gw.example";
    static final String USER = "carol";
    static final String ALICE = "alice@example.org";
    static final String PASSWORD = "correct horse";
    static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");

    final FakeMessageQueue queue = new FakeMessageQueue();
    final SmtpIngress ingress;
    private final Path users;
    private final Path senderLogins;

    private TestIngress(UnaryOperator<SmtpIngressConfig.Builder> customize) throws IOException {
        users = Files.createTempFile("smtp-users", ".txt");
        String hash = PasswordHash.create(PASSWORD.toCharArray(), 1000, new SecureRandom());
        Files.writeString(users, USER + ":" + hash + "\n" + ALICE + ":" + hash + "\n");
        senderLogins = Files.createTempFile("smtp-sender-logins", ".txt");
        Files.writeString(senderLogins, USER + ": carol@org.example\n" + ALICE + ": sales@example.org\n");
        SmtpIngressConfig.Builder builder = SmtpIngressConfig.builder(HOST)
                .bind(InetAddress.getLoopbackAddress(), 0)
                .localDomains(Set.of("example.org"), a -> a.equals("alice@example.org") || a.equals("bob@example.org"))
                .tls(TestCertificates.server())
                .authenticator(PasswordFileAuthenticator.load(users))
                .senderLogins(SenderLoginsFile.load(senderLogins))
                .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10));
        ingress = new SmtpIngress(customize.apply(builder).build(), queue, Clock.fixed(NOW, ZoneOffset.UTC));
        ingress.start();
    }

    static TestIngress start() {
        return start(b -> b);
    }

    static TestIngress start(UnaryOperator<SmtpIngressConfig.Builder> customize) {
        try {
            return new TestIngress(customize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client connected from 127.0.0.1 (a relay network by default). */
    SmtpClient client() throws IOException {
        SmtpClient c = SmtpClient.connect(ingress.port());
        c.expect("220 " + HOST + " ESMTP");
        return c;
    }

    /** A client connected from another loopback address, for example 127.0.0.2. */
    SmtpClient clientFrom(String address) throws IOException {
        SmtpClient c = SmtpClient.connect(ingress.port(), InetAddress.ofLiteral(address));
        c.expect("220 ");
        return c;
    }

    int port() {
        return ingress.port();
    }

    @Override
    public void close() throws IOException {
        ingress.stop();
        Files.deleteIfExists(users);
        Files.deleteIfExists(senderLogins);
    }
}
