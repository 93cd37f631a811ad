package sempgw.app.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.app.semp.DnsZone;
import sempgw.app.semp.SempKeys;
import sempgw.app.tls.ServerCredentials;
import sempgw.app.tls.TlsContexts;

/**
 * One demo gateway's configuration, written as the TOML file an operator would write: SMTP on
 * 127.0.0.1 (port chosen at bind) relaying for 127.0.0.1 only, short queue back-offs, SEMP on a
 * fixed loopback port with {@code semp.dns_resolver} the demo's DNS and {@code semp.trust_file}
 * the two gateways' certificates.
 *
 * <p>The gateways' HTTPS clients resolve host names with the JDK, which knows
 * {@code localhost} but not the demo's zones; so the running gateway advertises
 * {@code localhost} (its self-signed certificate is for {@code localhost} too) while its zone is
 * rendered by {@link DnsZone} for the public host an operator would use,
 * {@code semp.<domain>}, with the SRV target then pointed at {@code localhost}.
 *
 * @param domain the mail domain, e.g. {@code beta.test}
 * @param dataDir the gateway's {@code data_dir}
 * @param sempPort the HTTPS port, listened on and advertised
 * @param mailboxes the SEMP mailboxes at {@code domain} ({@code semp.mailboxes})
 * @param routes {@code [delivery.routes]}: domain to next hop
 */
record DemoGatewayConfig(String domain, Path dataDir, int sempPort, List<String> mailboxes, Map<String, String> routes) {
    static final String HOST = "localhost";

    DemoGatewayConfig {
        mailboxes = List.copyOf(mailboxes);
        routes = Map.copyOf(routes);
    }

    /** The configuration, resolving SEMP names through {@code resolver} ({@code IP:port}) and trusting {@code trustFile}. */
    String toml(String resolver, Path trustFile) {
        return toml(HOST, resolver, trustFile);
    }

    /** Writes {@link #toml} to {@code file} and loads it as the gateway will. */
    GatewayConfig write(Path file, String resolver, Path trustFile) throws IOException {
        Files.writeString(file, toml(resolver, trustFile));
        return ConfigLoader.load(file);
    }

    /**
     * Creates the gateway's certificate and domain keys as its first start would, and returns its
     * certificate and the records {@code dns-records} prints for it (SRV target set to {@link #HOST}).
     */
    Published publish(Path trustFile, Clock clock) throws IOException {
        GatewayConfig config = ConfigLoader.parse(toml("semp." + domain, "127.0.0.1:53", trustFile));
        ServerCredentials tls = TlsContexts.credentials(config.tls(), config.selfSignedDir(), HOST, clock);
        try (DomainKeys keys = SempKeys.open(config, clock)) {
            String zone = DnsZone.render(config.semp(), keys, tls.leaf().getPublicKey());
            return new Published(tls.leaf(), pointSrvAt(records(zone), Name.fromConstantString(HOST + ".")));
        }
    }

    /** A gateway's certificate and the records of its zone. */
    record Published(X509Certificate certificate, List<Record> records) {
        Published {
            records = List.copyOf(records);
        }
    }

    private String toml(String publicHost, String resolver, Path trustFile) {
        String routeLines = routes.entrySet().stream().map(e -> quote(e.getKey()) + " = " + quote(e.getValue()))
                .collect(Collectors.joining("\n"));
        return """
                # semp-gateway demo: the %1$s gateway
                data_dir = %2$s
                [smtp]
                listen = "127.0.0.1:0"
                hostname = "%3$s"
                relay_networks = ["127.0.0.1/32"]
                [queue]
                min_backoff = "1s"
                max_backoff = "5s"
                [delivery.routes]
                %4$s
                [semp]
                enabled = true
                domain = "%1$s"
                server_id = "gw.%1$s"
                listen = "127.0.0.1:%5$d"
                public_host = "%6$s"
                mailboxes = [%7$s]
                trust_file = %8$s
                dns_resolver = "%9$s"
                """.formatted(domain, quote(dataDir.toString()), HOST, routeLines, sempPort, publicHost,
                mailboxes.stream().map(DemoGatewayConfig::quote).collect(Collectors.joining(", ")), quote(trustFile.toString()), resolver);
    }

    private static List<Record> records(String zone) throws IOException {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(zone.getBytes(StandardCharsets.UTF_8)), Name.root)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        return records;
    }

    private static List<Record> pointSrvAt(List<Record> records, Name target) {
        return records.stream().map(r -> r instanceof SRVRecord s
                ? new SRVRecord(s.getName(), s.getDClass(), s.getTTL(), s.getPriority(), s.getWeight(), s.getPort(), target)
                : r).toList();
    }

    /** A TOML basic string (TOML 1.0 §String): backslash and quote escaped; the demo's paths and names have no control characters. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
