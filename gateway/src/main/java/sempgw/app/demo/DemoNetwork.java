package sempgw.app.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.Gateway;
import sempgw.app.config.GatewayConfig;
import sempgw.app.mailbox.MailboxAdmin;
import sempgw.app.mailbox.Outcome;

/**
 * The demo's SEMP side, on loopback, with its state under one directory: the DNS server for both
 * zones ({@link DnsResponder}), and the gateways of {@code beta.test} (delivering its mail to the
 * mailbox host) and {@code alpha.test} (accepting mail from 127.0.0.1 on SMTP), each with SEMP
 * on, trusting the other's self-signed certificate and discovering it through the demo's DNS,
 * with {@code bob@beta.test} and {@code alice@alpha.test} provisioned in their mailbox agents.
 * Alpha has no SMTP route to beta: the message can only cross over SEMP. {@link #close()} stops
 * them in reverse order.
 */
final class DemoNetwork implements AutoCloseable {
    static final String ALPHA = "alpha.test";
    static final String BETA = "beta.test";
    static final String SENDER = "alice@" + ALPHA;
    static final String RECIPIENT = "bob@" + BETA;

    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);

    private final Deque<AutoCloseable> started;
    private final DnsResponder dns;
    private final Gateway alpha;
    private final Gateway beta;

    private DemoNetwork(Deque<AutoCloseable> started, DnsResponder dns, Gateway alpha, Gateway beta) {
        this.started = started;
        this.dns = dns;
        this.alpha = alpha;
        this.beta = beta;
    }

    /**
     * Starts the DNS and both gateways under {@code dir}; on failure stops whatever had started
     * and rethrows.
     *
     * @param dir an empty directory
     * @param mailboxHost the port on 127.0.0.1 of the mailbox host of {@link #BETA}
     */
    static DemoNetwork start(Path dir, int mailboxHost, Clock clock) throws IOException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Path trust = dir.resolve("trust.pem");
            DemoGatewayConfig beta = new DemoGatewayConfig(BETA, dir.resolve(BETA), freePort(), List.of(RECIPIENT),
                    Map.of(BETA, "[127.0.0.1]:" + mailboxHost + " tls=none"));
            DemoGatewayConfig alpha = new DemoGatewayConfig(ALPHA, dir.resolve(ALPHA), freePort(), List.of(SENDER), Map.of());
            DemoGatewayConfig.Published betaZone = beta.publish(trust, clock);
            DemoGatewayConfig.Published alphaZone = alpha.publish(trust, clock);
            Files.writeString(trust, pem(alphaZone.certificate()) + pem(betaZone.certificate()));
            DnsResponder dns = DnsResponder.start(List.of(DemoZone.of(ALPHA, alphaZone.records()), DemoZone.of(BETA, betaZone.records())));
            started.push(dns);
            String resolver = "127.0.0.1:" + dns.address().getPort();
            Gateway betaGateway = start(started, beta.write(dir.resolve(BETA + ".toml"), resolver, trust), clock);
            provisionMailbox(betaGateway, RECIPIENT, clock);
            Gateway alphaGateway = start(started, alpha.write(dir.resolve(ALPHA + ".toml"), resolver, trust), clock);
            provisionMailbox(alphaGateway, SENDER, clock);
            return new DemoNetwork(started, dns, alphaGateway, betaGateway);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * Provisions {@code address} in the mailbox agent of {@code gateway}, as
     * {@code semp-gateway mailbox add} does: fresh identity and encryption keys, published through
     * the gateway's user key documents.
     *
     * @throws IOException if the mailbox agent refused or failed, with its reason
     */
    static void provisionMailbox(Gateway gateway, String address, Clock clock) throws IOException {
        Outcome outcome = new MailboxAdmin(gateway.semp().mailboxes(), clock).add(address);
        if (!(outcome instanceof Outcome.Done)) {
            throw new IOException("cannot provision " + address + ": " + String.join(" ", outcome.lines()));
        }
    }

    DnsResponder dns() {
        return dns;
    }

    Gateway alpha() {
        return alpha;
    }

    Gateway beta() {
        return beta;
    }

    @Override
    public void close() {
        closeAll(started);
    }

    private static Gateway start(Deque<AutoCloseable> started, GatewayConfig config, Clock clock) throws IOException {
        Gateway gateway = Gateway.start(config, clock);
        started.push(gateway);
        return gateway;
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("demo: error while stopping: {}", e.toString());
            }
        }
    }

    /** A port free on loopback now: a SEMP gateway advertises the port it listens on, so it is chosen before the start. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return s.getLocalPort();
        }
    }

    private static String pem(X509Certificate certificate) throws IOException {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the certificate of " + certificate.getSubjectX500Principal(), e);
        }
    }
}
