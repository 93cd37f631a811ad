package sempgw.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import sempgw.app.config.SempPolicies.BlockConfig;
import sempgw.app.config.SempPolicies.FirstContactConfig;
import sempgw.app.config.SempPolicies.FirstContactMode;
import sempgw.app.config.SempPolicies.HandshakeConfig;
import sempgw.app.config.SempPolicies.RateLimitConfig;
import sempgw.app.config.SempPolicies.ReceiptsConfig;
import sempgw.app.config.SempPolicies.SenderQueueConfig;
import sempgw.app.config.SempPolicies.SessionsConfig;
import sempgw.core.crypto.SuiteId;

/** Reads {@code [semp]} and its sub-tables with their defaults, then checks the values against each other. */
final class SempConfigReader {
    static final String DOMAIN_REQUIRED = "a domain name whenever semp.enabled = true (the email domain we serve SEMP for)";
    static final String BASELINE_SUITE = SuiteId.X25519_CHACHA20_POLY1305.wireName();
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern LOCAL_PART = Pattern.compile("[^\\s@\"]{1,64}");

    private SempConfigReader() {
    }

    static SempConfig read(TomlTable t, Path dataDir, SmtpConfig smtp) {
        boolean enabled = t.bool("enabled", false);
        Optional<String> domain = t.optionalString("domain", DomainNames::require);
        String serverId = t.string("server_id", smtp.hostname(), SempConfigReader::serverId);
        ListenAddress listen = t.parsed("listen", ListenAddress.parse("127.0.0.1:8443"), ListenAddress::parse);
        String publicHost = t.string("public_host", smtp.hostname(), DomainNames::require);
        int publicPort = t.integer("public_port", listen.port(), 1, 65_535);
        List<String> transports = t.list("transports", List.of("h2", "ws"), SempConfigReader::transport);
        List<SuiteId> suites = t.list("suites", List.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305), SempConfigReader::suite);
        long maxEnvelopeSize = t.size("max_envelope_size", 25L << 20, 64L << 10, 1L << 30);
        Duration configurationTtl = t.duration("configuration_ttl", Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(7));
        Path keyFile = t.path("key_file", dataDir.resolve("semp.key"));
        Path domainKeysFile = t.path("domain_keys_file", dataDir.resolve("semp-domain-keys"));
        List<String> mailboxes = t.list("mailboxes", List.of(), SempConfigReader::mailbox);
        Optional<Path> mailboxesFile = t.optionalPath("mailboxes_file");
        Optional<Path> trustFile = t.optionalPath("trust_file");
        Optional<ListenAddress> dnsResolver = Optional.ofNullable(t.parsed("dns_resolver", null, SempConfigReader::resolver));
        SempConfig c = new SempConfig(enabled, domain, serverId, listen, publicHost, publicPort, transports, suites,
                maxEnvelopeSize, configurationTtl, keyFile, domainKeysFile, mailboxes, mailboxesFile, trustFile, dnsResolver,
                sessions(t.table("sessions")), handshake(t.table("handshake")), block(t.table("block")),
                firstContact(t.table("first_contact")), rateLimit(t.table("rate_limit")), receipts(t.table("receipts")),
                queue(t.table("queue"), dataDir));
        check(c, smtp);
        t.finish();
        return c;
    }

    private static void check(SempConfig c, SmtpConfig smtp) {
        if (!c.transports().contains("h2")) {
            throw new ConfigException("semp.transports", ConfigPrinter.array(c.transports()), "a list that includes \"h2\", the mandatory transport (DISCOVERY.md §2.2)");
        }
        if (!c.suites().contains(SuiteId.X25519_CHACHA20_POLY1305)) {
            throw new ConfigException("semp.suites", ConfigPrinter.array(c.suites()),
                    "a list that includes \"" + BASELINE_SUITE + "\", the mandatory suite (ENVELOPE.md §7.3.1)");
        }
        for (String mailbox : c.mailboxes()) {
            String at = mailbox.substring(mailbox.lastIndexOf('@') + 1);
            if (c.domain().isPresent() && !at.equals(c.domain().get())) {
                throw new ConfigException("semp.mailboxes", "\"" + mailbox + "\"", "addresses at semp.domain (" + c.domain().get() + ")");
            }
        }
        if (!c.enabled()) {
            return;
        }
        c.requireDomain();
        if (c.listen().port() != 0 && c.listen().equals(smtp.listen())) {
            throw new ConfigException("semp.listen", "\"" + c.listen() + "\"", "an address and port other than smtp.listen");
        }
    }

    private static SessionsConfig sessions(TomlTable t) {
        SessionsConfig c = new SessionsConfig(t.integer("max", 1000, 1, 1_000_000));
        t.finish();
        return c;
    }

    private static HandshakeConfig handshake(TomlTable t) {
        HandshakeConfig c = new HandshakeConfig(t.integer("pow_difficulty", 0, 0, SempPolicies.MAX_DIFFICULTY));
        t.finish();
        return c;
    }

    private static BlockConfig block(TomlTable t) {
        BlockConfig c = new BlockConfig(t.list("domains", List.of(), DomainNames::require), t.list("silent_domains", List.of(), DomainNames::require));
        t.finish();
        return c;
    }

    private static FirstContactConfig firstContact(TomlTable t) {
        FirstContactConfig c = new FirstContactConfig(t.parsed("mode", FirstContactMode.OPEN, FirstContactMode::parse),
                t.integer("difficulty", 20, 1, SempPolicies.MAX_DIFFICULTY));
        t.finish();
        return c;
    }

    private static RateLimitConfig rateLimit(TomlTable t) {
        RateLimitConfig c = new RateLimitConfig(t.integer("per_domain_hour", 100, 1, 10_000_000),
                // DELIVERY.md §6.5.1: the throttle window is 1 to 24 hours.
                t.duration("silent_for", Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(24)));
        t.finish();
        return c;
    }

    private static ReceiptsConfig receipts(TomlTable t) {
        ReceiptsConfig c = new ReceiptsConfig(t.list("relaxed_peers", List.of(), DomainNames::require));
        t.finish();
        return c;
    }

    private static SenderQueueConfig queue(TomlTable t, Path dataDir) {
        SenderQueueConfig c = new SenderQueueConfig(t.path("dir", dataDir.resolve("semp-queue")),
                // DELIVERY.md §2.4: SHOULD default to 72 hours, MUST NOT exceed 7 days.
                t.duration("horizon", Duration.ofHours(72), Duration.ofMinutes(1), SempPolicies.MAX_HORIZON));
        t.finish();
        return c;
    }

    private static String serverId(String s) {
        if (!SERVER_ID.matcher(s).matches()) {
            throw new IllegalArgumentException("1 to 128 letters, digits, dots, hyphens or underscores, starting with a letter or digit");
        }
        return s;
    }

    /** An IP literal and port: the resolver is never looked up by name (that would need DNS to find DNS). */
    private static ListenAddress resolver(String s) {
        String allowed = "an IP address and port, e.g. \"127.0.0.1:53\" or \"[::1]:53\"";
        ListenAddress a;
        try {
            a = ListenAddress.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(allowed);
        }
        if (a.port() < 1) {
            throw new IllegalArgumentException(allowed);
        }
        return a;
    }

    private static String transport(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "h2" -> "h2";
            case "ws" -> "ws";
            default -> throw new IllegalArgumentException("a list of \"h2\" (HTTP/2) and \"ws\" (WebSocket)");
        };
    }

    private static SuiteId suite(String s) {
        return SuiteId.parse(s.strip()).orElseThrow(() -> new IllegalArgumentException(
                "a list of \"" + SuiteId.PQ_KYBER768_X25519.wireName() + "\" and \"" + BASELINE_SUITE + "\""));
    }

    /** {@code user@domain} or {@code @domain}; the domain lower-cased (local parts are kept as written). */
    private static String mailbox(String s) {
        String v = s.strip();
        int at = v.lastIndexOf('@');
        String allowed = "an address user@domain, or @domain for every user of the domain";
        if (at < 0 || at > 0 && !LOCAL_PART.matcher(v.substring(0, at)).matches() || !DomainNames.isValid(v.substring(at + 1))) {
            throw new IllegalArgumentException(allowed);
        }
        return v.substring(0, at) + "@" + v.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
