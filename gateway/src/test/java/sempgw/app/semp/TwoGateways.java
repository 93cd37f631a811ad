package sempgw.app.semp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import sempgw.app.Gateway;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.app.tls.ServerCredentials;
import sempgw.app.tls.TlsContexts;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.semp.egress.testing.Dnsmasq;
import sempgw.semp.egress.testing.LoopbackPorts;
import sempgw.semp.egress.testing.TestDnsServer;

/**
 * Two real gateways federating over loopback: {@code a.test} and {@code b.test}, each with its
 * own data directory and self-signed certificate for {@code localhost}, each trusting the other's
 * through {@code semp.trust_file}, each discovering the other through {@code semp.dns_resolver}:
 * an in-process {@link TestDnsServer} or a real dnsmasq serving exactly the records
 * {@code dns-records} prints ({@link DnsZone}). Every mailbox {@code @<domain>} is local.
 *
 * <pre>{@code
 * try (TwoGateways gw = TwoGateways.start(dir, TwoGateways.Options.defaults())) {
 *     TestMailbox alice = gw.a().provision("alice");
 *     TestMailbox bob = gw.b().provision("bob");
 *     QueueId id = gw.a().node().outbox().submit(alice.compose(bob, gw.b().domainKey(suite), suite, "s", "t", now), alice.address());
 *     byte[] wire = gw.b().awaitInbox(1).getFirst();
 * }
 * }</pre>
 */
public final class TwoGateways implements AutoCloseable {
    public static final String A = "a.test";
    public static final String B = "b.test";
    private static final String RESOLVER = "@RESOLVER@";
    private static final String HOST = "@HOST@";
    private static final String LOOPBACK_HOST = "localhost";

    /**
     * @param suites {@code semp.suites} of both gateways, in preference order
     * @param transports {@code semp.transports} of both gateways, in preference order (the first is the sender's choice)
     * @param extraSemp more TOML after the {@code [semp]} lines, by domain ({@code ""} for both gateways)
     */
    public record Options(List<SuiteId> suites, List<String> transports, Map<String, String> extraSemp) {
        public Options {
            suites = List.copyOf(suites);
            transports = List.copyOf(transports);
            extraSemp = Map.copyOf(extraSemp);
        }

        public static Options defaults() {
            return new Options(List.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305), List.of("h2", "ws"), Map.of());
        }

        public Options withSuites(SuiteId... s) {
            return new Options(List.of(s), transports, extraSemp);
        }

        public Options withTransports(String... t) {
            return new Options(suites, List.of(t), extraSemp);
        }

        /** More {@code [semp]} keys or {@code [semp.*]} tables for both gateways. */
        public Options withSemp(String lines) {
            return withSemp("", lines);
        }

        /** More {@code [semp]} keys or {@code [semp.*]} tables for the gateway of {@code domain} only. */
        public Options withSemp(String domain, String lines) {
            Map<String, String> m = new java.util.HashMap<>(extraSemp);
            m.merge(domain, lines + "\n", String::concat);
            return new Options(suites, transports, m);
        }

        String extraFor(String domain) {
            return extraSemp.getOrDefault("", "") + extraSemp.getOrDefault(domain, "");
        }
    }

    /** Where the DNS records are served from. */
    enum Dns { IN_PROCESS, DNSMASQ }

    private final TestGateway a;
    private final TestGateway b;
    private final AutoCloseable dns;

    private TwoGateways(TestGateway a, TestGateway b, AutoCloseable dns) {
        this.a = a;
        this.b = b;
        this.dns = dns;
    }

    /** The in-process DNS server both gateways resolve through, for records beyond the two zones (MX, SERVFAIL). */
    public TestDnsServer dns() {
        if (dns instanceof TestDnsServer server) {
            return server;
        }
        throw new IllegalStateException("these gateways resolve through dnsmasq");
    }

    /** Both gateways with the in-process DNS server. */
    public static TwoGateways start(Path dir, Options options) throws Exception {
        return start(dir, options, Dns.IN_PROCESS);
    }

    /** Both gateways resolving through a real dnsmasq (Debian dnsmasq-base; the test fails, never skips, without it). */
    public static TwoGateways startWithDnsmasq(Path dir, Options options) throws Exception {
        return start(dir, options, Dns.DNSMASQ);
    }

    static TwoGateways start(Path dir, Options options, Dns mode) throws Exception {
        Clock clock = Clock.systemUTC();
        Path trust = dir.resolve("trust.pem");
        Prepared pa = prepare(dir, A, options, trust, clock);
        Prepared pb = prepare(dir, B, options, trust, clock);
        Files.writeString(trust, pem(pa.certificate()) + pem(pb.certificate()));
        List<Record> records = new ArrayList<>(pa.records());
        records.addAll(pb.records());
        AutoCloseable dns;
        String resolver;
        if (mode == Dns.IN_PROCESS) {
            TestDnsServer server = serve(records);
            dns = server;
            resolver = server.resolver().getAddress().getAddress().getHostAddress() + ":" + server.resolver().getAddress().getPort();
        } else {
            Dnsmasq dnsmasq = dnsmasq(records);
            dns = dnsmasq;
            resolver = "127.0.0.1:" + dnsmasq.resolver().getAddress().getPort();
        }
        TestGateway ga = null;
        try {
            ga = TestGateway.start(pa.config(resolver), pa.domainKeys(), clock);
            TestGateway gb = TestGateway.start(pb.config(resolver), pb.domainKeys(), clock);
            return new TwoGateways(ga, gb, dns);
        } catch (Exception | Error e) {
            if (ga != null) {
                ga.close();
            }
            dns.close();
            throw e;
        }
    }

    public TestGateway a() {
        return a;
    }

    public TestGateway b() {
        return b;
    }

    @Override
    public void close() throws Exception {
        try {
            b.close();
            a.close();
        } finally {
            dns.close();
        }
    }

    /** One gateway's configuration before the resolver is known, its certificate, public domain keys and DNS records. */
    private record Prepared(String configText, X509Certificate certificate, Map<SuiteId, DomainEncryptionPublicKey> domainKeys,
                            List<Record> records) {
        GatewayConfig config(String resolver) {
            return ConfigLoader.parse(configText.replace(RESOLVER, resolver));
        }
    }

    /** Creates the gateway's certificate and domain keys as a first start would, and renders its zone. */
    private static Prepared prepare(Path dir, String domain, Options options, Path trust, Clock clock) throws Exception {
        int port = freePort();
        String text = """
                data_dir = "%s"
                [smtp]
                listen = "127.0.0.1:0"
                hostname = "localhost"
                [semp]
                enabled = true
                domain = "%s"
                server_id = "gw.%s"
                listen = "127.0.0.1:%d"
                public_host = "@HOST@"
                suites = [%s]
                transports = [%s]
                mailboxes = ["@%s"]
                trust_file = "%s"
                dns_resolver = "%s"
                %s""".formatted(dir.resolve(domain), domain, domain, port, quoted(options.suites().stream().map(SuiteId::wireName).toList()),
                quoted(options.transports()), domain, trust, RESOLVER, options.extraFor(domain));
        // The zone names the public host an operator would (semp.<domain>); the JDK's resolver knows only localhost, so the
        // running gateway advertises localhost, its certificate is for localhost, and the SRV record here points there.
        String published = "semp." + domain;
        GatewayConfig config = ConfigLoader.parse(text.replace(RESOLVER, "127.0.0.1:53").replace(HOST, published));
        ServerCredentials tls = TlsContexts.credentials(config.tls(), config.selfSignedDir(), LOOPBACK_HOST, clock);
        try (DomainKeys keys = SempKeys.open(config, clock)) {
            Map<SuiteId, DomainEncryptionPublicKey> encryption = keys.encryptionPublicKeys().stream()
                    .collect(Collectors.toMap(DomainEncryptionPublicKey::suite, k -> k));
            List<Record> records = records(DnsZone.render(config.semp(), keys, tls.leaf().getPublicKey())).stream()
                    .map(r -> r instanceof SRVRecord srv ? new SRVRecord(srv.getName(), srv.getDClass(), srv.getTTL(), srv.getPriority(),
                            srv.getWeight(), srv.getPort(), Name.fromConstantString(LOOPBACK_HOST + ".")) : r)
                    .toList();
            return new Prepared(text.replace(HOST, LOOPBACK_HOST), tls.leaf(), encryption, records);
        }
    }

    static List<Record> records(String zone) throws IOException {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(zone.getBytes(StandardCharsets.UTF_8)), Name.root, 3600)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        return records;
    }

    /** SRV and TXT records (the TLSA ones are not used by discovery) on the in-process server. */
    private static TestDnsServer serve(List<Record> records) throws IOException {
        TestDnsServer dns = new TestDnsServer();
        for (Record r : records) {
            switch (r) {
                case SRVRecord s -> dns.srv(s.getName().toString(), s.getPriority(), s.getWeight(), s.getPort(), s.getTarget().toString(), s.getTTL());
                case TXTRecord t -> dns.txtStrings(t.getName().toString(), t.getStrings(), t.getTTL());
                default -> { }
            }
        }
        return dns;
    }

    private static Dnsmasq dnsmasq(List<Record> records) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("--local=/test/"));
        List<String> lines = new ArrayList<>();
        for (Record r : records) {
            switch (r) {
                case SRVRecord s -> options.add("--srv-host=" + relative(s.getName()) + "," + relative(s.getTarget()) + "," + s.getPort() + ","
                        + s.getPriority() + "," + s.getWeight());
                case TXTRecord t -> lines.add("txt-record=" + relative(t.getName()) + ","
                        + t.getStrings().stream().map(x -> "\"" + x + "\"").collect(Collectors.joining(",")));
                default -> { }
            }
        }
        return Dnsmasq.start(options, lines);
    }

    private static String relative(Name name) {
        String s = name.toString();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    /** A port free on loopback now: the listen port and the advertised port must be the same, so it is chosen before the start. */
    private static int freePort() throws IOException {
        return LoopbackPorts.free();
    }
}
