package sempgw.e2e.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sempgw.e2e.dns.TestDns;
import sempgw.e2e.gateway.GatewayCommand;
import sempgw.e2e.gateway.GatewayProcess;
import sempgw.e2e.smtp.SmtpSink;
import sempgw.e2e.support.FreePorts;
import sempgw.e2e.support.Progress;
import sempgw.e2e.support.TcpProbe;

/**
 * Two organisations on loopback, each behind its own gateway process: {@code alpha.test}
 * (gateway A) and {@code beta.test} (gateway B), each with a recording sink as its mailbox host;
 * a third sink stands for the legacy internet (every SMTP-routed message of either gateway goes
 * there, so a silent downgrade would show up in it). Set up the way an operator would:
 * {@code dns-records} creates each gateway's keys and certificate and prints its records, which a
 * real dnsmasq then serves ({@link TestDns}, with {@code legacy.test} and {@code strict.test} as
 * MX-only domains and {@code broken.test} answering SERVFAIL); each gateway trusts the other's
 * self-signed certificate ({@code semp.trust_file}); mailboxes are created with
 * {@code mailbox add}. Host names resolve through a hosts file given to the gateways' JVMs
 * ({@code jdk.net.hosts.file}): {@code semp.alpha.test} and {@code semp.beta.test} are 127.0.0.1.
 */
public final class BridgeWorld implements AutoCloseable {
    public static final String ALPHA = "alpha.test";
    public static final String BETA = "beta.test";
    public static final String LEGACY = "legacy.test";
    public static final String STRICT = "strict.test";
    public static final String BROKEN = "broken.test";
    private static final Duration HTTPS_START = Duration.ofSeconds(60);

    /**
     * @param alphaMailboxes the mailboxes provisioned at gateway A
     * @param betaMailboxes the mailboxes provisioned at gateway B
     * @param alphaExtra more TOML for gateway A ({@code [policy]}, {@code [bridge]})
     * @param betaExtra more TOML for gateway B
     */
    public record Options(List<String> alphaMailboxes, List<String> betaMailboxes, String alphaExtra, String betaExtra) {
    }

    private final Path run;
    private final List<String> jvmOptions;
    private final SmtpSink alphaMailboxHost;
    private final SmtpSink betaMailboxHost;
    private final SmtpSink internet;
    private final TestDns dns;
    private final SempGatewaySettings alpha;
    private final SempGatewaySettings beta;
    private GatewayProcess gatewayA;
    private GatewayProcess gatewayB;
    private SempGatewaySettings betaRunning;

    private BridgeWorld(Path run, List<String> jvmOptions, SmtpSink alphaMailboxHost, SmtpSink betaMailboxHost, SmtpSink internet,
                        TestDns dns, SempGatewaySettings alpha, SempGatewaySettings beta) {
        this.run = run;
        this.jvmOptions = jvmOptions;
        this.alphaMailboxHost = alphaMailboxHost;
        this.betaMailboxHost = betaMailboxHost;
        this.internet = internet;
        this.dns = dns;
        this.alpha = alpha;
        this.beta = beta;
        this.betaRunning = beta;
    }

    public static BridgeWorld start(Path run, Options options, Progress progress) throws Exception {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            SmtpSink alphaHost = open(opened, SmtpSink.start());
            SmtpSink betaHost = open(opened, SmtpSink.start());
            SmtpSink internet = open(opened, SmtpSink.start());
            SempGatewaySettings a = new SempGatewaySettings(ALPHA, run.resolve("alpha-data"), FreePorts.next(), FreePorts.next(),
                    options.alphaMailboxes(), alphaHost.port(), internet.port(), null, null, List.of(), options.alphaExtra());
            SempGatewaySettings b = new SempGatewaySettings(BETA, run.resolve("beta-data"), FreePorts.next(), FreePorts.next(),
                    options.betaMailboxes(), betaHost.port(), internet.port(), null, null, List.of(), options.betaExtra());
            String zoneA = GatewayCli.dnsRecords(a.writeTo(run.resolve("alpha.toml")));
            String zoneB = GatewayCli.dnsRecords(b.writeTo(run.resolve("beta.toml")));
            Files.writeString(run.resolve("zones.txt"), zoneA + zoneB);
            Path trust = run.resolve("trust.pem");
            Files.writeString(trust, Files.readString(a.certificate()) + Files.readString(b.certificate()));
            progress.line("dns-records done for %s and %s; provisioning %d + %d mailboxes", ALPHA, BETA,
                    options.alphaMailboxes().size(), options.betaMailboxes().size());
            GatewayCli.addMailboxes(run.resolve("alpha.toml"), options.alphaMailboxes());
            GatewayCli.addMailboxes(run.resolve("beta.toml"), options.betaMailboxes());
            TestDns dns = open(opened, TestDns.start(List.of(zoneA, zoneB), List.of(a.publicHost(), b.publicHost()),
                    List.of(LEGACY, STRICT), List.of(BROKEN)));
            Path hosts = run.resolve("hosts");
            Files.writeString(hosts, "127.0.0.1 localhost " + a.publicHost() + " " + b.publicHost() + "\n");
            BridgeWorld world = new BridgeWorld(run, List.of("-Djdk.net.hosts.file=" + hosts), alphaHost, betaHost, internet, dns,
                    a.running(dns.resolver(), trust), b.running(dns.resolver(), trust));
            opened.add(world);
            world.gatewayA = world.startGateway(world.alpha, "alpha");
            world.gatewayB = world.startGateway(world.beta, "beta");
            progress.line("gateway A %s smtp :%d https :%d (pid %d), gateway B %s smtp :%d https :%d (pid %d), dns %s",
                    ALPHA, world.alpha.smtpPort(), world.alpha.sempPort(), world.gatewayA.pid(),
                    BETA, world.beta.smtpPort(), world.beta.sempPort(), world.gatewayB.pid(), dns.resolver());
            return world;
        } catch (Exception | Error e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T open(List<AutoCloseable> opened, T resource) {
        opened.add(resource);
        return resource;
    }

    private GatewayProcess startGateway(SempGatewaySettings settings, String name) throws IOException {
        Path config = settings.writeTo(run.resolve(name + ".toml"));
        GatewayProcess p = GatewayProcess.start(GatewayCommand.command(jvmOptions, "run", "--config", config.toString()),
                settings.smtpPort(), run.resolve("gateway-" + name + ".log"));
        if (!TcpProbe.accepts(settings.sempPort(), HTTPS_START)) {
            String log = p.logTail(40);
            p.close();
            throw new IllegalStateException("gateway " + name + " does not listen on its HTTPS port " + settings.sempPort() + ":\n" + log);
        }
        return p;
    }

    public GatewayProcess gatewayA() {
        return gatewayA;
    }

    public GatewayProcess gatewayB() {
        return gatewayB;
    }

    public SempGatewaySettings alpha() {
        return alpha;
    }

    public SempGatewaySettings beta() {
        return betaRunning;
    }

    public Path alphaConfig() {
        return run.resolve("alpha.toml");
    }

    public Path betaConfig() {
        return run.resolve("beta.toml");
    }

    /** Mail delivered to alpha.test's mailboxes. */
    public SmtpSink alphaMailboxHost() {
        return alphaMailboxHost;
    }

    /** Mail delivered to beta.test's mailboxes. */
    public SmtpSink betaMailboxHost() {
        return betaMailboxHost;
    }

    /** Everything either gateway sent by SMTP to anyone but its own mailboxes. */
    public SmtpSink internet() {
        return internet;
    }

    public TestDns dns() {
        return dns;
    }

    /** Stops gateway B (SIGTERM, as an operator's stop). */
    public void stopB() {
        gatewayB.close();
    }

    /** Starts gateway B again on the same data, with {@code settings} (for example another block list). */
    public void startB(SempGatewaySettings settings) throws IOException {
        if (gatewayB.isAlive()) {
            throw new IllegalStateException("gateway B is running");
        }
        betaRunning = settings;
        gatewayB = startGateway(settings, "beta");
    }

    /** SIGKILL to gateway A, as a crash or a power cut would stop it; returns once it is gone. */
    public void killA() {
        gatewayA.killHard();
    }

    /** SIGKILL to gateway B; returns once it is gone. */
    public void killB() {
        gatewayB.killHard();
    }

    /** Starts gateway A again on the same data and configuration, after a stop or a kill. */
    public void restartA() throws IOException {
        if (gatewayA.isAlive()) {
            throw new IllegalStateException("gateway A is running");
        }
        gatewayA = startGateway(alpha, "alpha");
    }

    /** Both gateways' log tails, for a failure message. */
    public String logs() {
        return "gateway A log:\n" + gatewayA.logTail(40) + "\ngateway B log:\n" + gatewayB.logTail(40);
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable c : new AutoCloseable[] {gatewayB, gatewayA, dns, internet, betaMailboxHost, alphaMailboxHost}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
