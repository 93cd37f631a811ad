package sempgw.e2e.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration of one SEMP gateway of the bridge tests (docs/configuration.md): SMTP and
 * HTTPS on loopback ports, the SEMP domain with its provisioned mailboxes, mail for its own
 * domain routed to its mailbox host (a sink), everything else that leaves by SMTP to one
 * smarthost (the "legacy internet" sink, where a wrong downgrade would show), discovery through
 * the test DNS, the peer's self-signed certificate trusted through {@code semp.trust_file}, and
 * the bridge's policy. Fast queue retries and no rate limit, for a test.
 *
 * @param domain the SEMP domain, e.g. {@code alpha.test}; the public host is {@code semp.<domain>}
 * @param dataDir the data directory (keys, queues, certificate); kept across restarts
 * @param smtpPort SMTP on 127.0.0.1
 * @param sempPort HTTPS on 127.0.0.1, also the advertised port
 * @param mailboxes the provisioned mailboxes, the only SEMP addresses accepted
 * @param mailboxHostPort where mail for {@code domain} is delivered (the mailbox host)
 * @param smarthostPort where every other SMTP-routed message goes
 * @param dnsResolver {@code semp.dns_resolver}, or null before the DNS runs ({@code dns-records})
 * @param trustFile {@code semp.trust_file}, or null before both certificates exist
 * @param blockedDomains {@code semp.block.domains}
 * @param extra more TOML tables ({@code [policy]}, {@code [bridge]}), appended as they are
 */
public record SempGatewaySettings(String domain, Path dataDir, int smtpPort, int sempPort, List<String> mailboxes, int mailboxHostPort,
                                  int smarthostPort, String dnsResolver, Path trustFile, List<String> blockedDomains, String extra) {

    public SempGatewaySettings {
        mailboxes = List.copyOf(mailboxes);
        blockedDomains = List.copyOf(blockedDomains);
    }

    public String publicHost() {
        return "semp." + domain;
    }

    /** The same gateway resolving through {@code resolver} and trusting {@code trust}. */
    public SempGatewaySettings running(String resolver, Path trust) {
        return new SempGatewaySettings(domain, dataDir, smtpPort, sempPort, mailboxes, mailboxHostPort, smarthostPort, resolver, trust,
                blockedDomains, extra);
    }

    public SempGatewaySettings blocking(List<String> domains) {
        return new SempGatewaySettings(domain, dataDir, smtpPort, sempPort, mailboxes, mailboxHostPort, smarthostPort, dnsResolver,
                trustFile, domains, extra);
    }

    /** The self-signed certificate the gateway creates on first use, for {@code smtp.hostname} = the public host. */
    public Path certificate() {
        return dataDir.resolve("tls/selfsigned-cert.pem");
    }

    public String toml() {
        StringBuilder t = new StringBuilder("# Written by the end-to-end tests (SempGatewaySettings).\n");
        t.append("data_dir = \"").append(dataDir).append("\"\n\n");
        t.append("[smtp]\nlisten = \"127.0.0.1:").append(smtpPort).append("\"\nhostname = \"").append(publicHost())
                .append("\"\nmax_message_size = \"64MB\"\n\n");
        t.append("[queue]\nmin_backoff = \"1s\"\nmax_backoff = \"5s\"\n\n");
        t.append("[delivery]\nsmarthost = \"[127.0.0.1]:").append(smarthostPort).append("\"\n\n");
        t.append("[delivery.routes]\n").append(quote(domain)).append(" = \"[127.0.0.1]:").append(mailboxHostPort).append("\"\n\n");
        t.append("[semp]\nenabled = true\ndomain = \"").append(domain).append("\"\nserver_id = \"gw.").append(domain)
                .append("\"\nlisten = \"127.0.0.1:").append(sempPort).append("\"\npublic_host = \"").append(publicHost())
                .append("\"\nmax_envelope_size = \"64MB\"\nmailboxes = ").append(list(mailboxes)).append('\n');
        if (trustFile != null) {
            t.append("trust_file = \"").append(trustFile).append("\"\n");
        }
        if (dnsResolver != null) {
            t.append("dns_resolver = \"").append(dnsResolver).append("\"\n");
        }
        t.append("\n[semp.rate_limit]\nper_domain_hour = 1000000\n\n");
        t.append("[semp.block]\ndomains = ").append(list(blockedDomains)).append("\n\n");
        t.append(extra).append('\n');
        return t.toString();
    }

    public Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml());
        return file;
    }

    /** A TOML inline table of strings: {@code { "k" = "v", ... }}. */
    public static String table(Map<String, String> entries) {
        return entries.entrySet().stream().map(e -> quote(e.getKey()) + " = " + quote(e.getValue()))
                .collect(Collectors.joining(", ", "{ ", " }"));
    }

    static String list(List<String> values) {
        return values.stream().map(SempGatewaySettings::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
