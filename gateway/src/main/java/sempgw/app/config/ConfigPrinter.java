package sempgw.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a configuration back as TOML that {@link ConfigLoader} reads to an equal value
 * ({@code semp-gateway config --defaults}, like {@code postconf -d}). Unset optional keys are
 * printed as comments so the operator sees they exist.
 */
public final class ConfigPrinter {
    private final StringBuilder out = new StringBuilder();

    private ConfigPrinter() {
    }

    public static String toToml(GatewayConfig c) {
        ConfigPrinter p = new ConfigPrinter();
        p.comment("semp-gateway configuration; every key is described in docs/configuration.md");
        p.put("data_dir", quote(c.dataDir().toString()));
        p.put("lock_memory", Boolean.toString(c.lockMemory()));
        SmtpConfig s = c.smtp();
        p.table("smtp");
        p.put("listen", quote(s.listen().toString()));
        p.put("hostname", quote(s.hostname()));
        p.put("max_message_size", quote(ByteSizes.format(s.maxMessageSize())));
        p.put("max_recipients", Integer.toString(s.maxRecipients()));
        p.put("relay_networks", array(s.relayNetworks()));
        p.put("local_domains", array(s.localDomains()));
        p.optional("recipients_file", s.recipientsFile());
        p.optional("auth_users_file", s.authUsersFile());
        p.optional("sender_logins_file", s.senderLoginsFile());
        p.put("max_connections", Integer.toString(s.maxConnections()));
        p.put("max_connections_per_client", Integer.toString(s.maxConnectionsPerClient()));
        p.put("command_timeout", quote(Durations.format(s.commandTimeout())));
        p.put("data_timeout", quote(Durations.format(s.dataTimeout())));
        p.table("tls");
        p.optional("cert_file", c.tls().certFile());
        p.optional("key_file", c.tls().keyFile());
        QueueConfig q = c.queue();
        p.table("queue");
        p.put("dir", quote(q.dir().toString()));
        p.put("key_file", quote(q.keyFile().toString()));
        p.put("max_lifetime", quote(Durations.format(q.maxLifetime())));
        p.put("delay_warning_after", quote(Durations.format(q.delayWarningAfter())));
        p.put("min_backoff", quote(Durations.format(q.minBackoff())));
        p.put("max_backoff", quote(Durations.format(q.maxBackoff())));
        DeliveryConfig d = c.delivery();
        p.table("delivery");
        p.put("concurrency_per_destination", Integer.toString(d.concurrencyPerDestination()));
        p.optional("smarthost", d.smarthost());
        p.put("tls", quote(d.tls().name().toLowerCase(java.util.Locale.ROOT)));
        p.put("connect_timeout", quote(Durations.format(d.connectTimeout())));
        p.routes(d.routes());
        p.table("control");
        p.put("socket", quote(c.control().socket().toString()));
        p.semp(c.semp());
        p.policy(c.policy());
        p.table("bridge");
        p.put("attempt_timeout", quote(Durations.format(c.bridge().attemptTimeout())));
        p.put("advertise_semp", Boolean.toString(c.bridge().advertiseSemp()));
        return p.out.toString();
    }

    private void policy(PolicyConfig c) {
        table("policy");
        put("default_mode", quote(c.defaultMode().spelling()));
        put("senders", inline(c.senders(), m -> m.spelling()));
        put("recipient_domains", inline(c.recipientDomains(), m -> m.spelling()));
        put("pin_duration", quote(Durations.format(c.pinDuration())));
    }

    private void semp(SempConfig s) {
        table("semp");
        put("enabled", Boolean.toString(s.enabled()));
        optional("domain", s.domain());
        put("server_id", quote(s.serverId()));
        put("listen", quote(s.listen().toString()));
        put("public_host", quote(s.publicHost()));
        put("public_port", Integer.toString(s.publicPort()));
        put("transports", array(s.transports()));
        put("suites", array(s.suites()));
        put("max_envelope_size", quote(ByteSizes.format(s.maxEnvelopeSize())));
        put("configuration_ttl", quote(Durations.format(s.configurationTtl())));
        put("key_file", quote(s.keyFile().toString()));
        put("domain_keys_file", quote(s.domainKeysFile().toString()));
        put("mailboxes", array(s.mailboxes()));
        optional("mailboxes_file", s.mailboxesFile());
        optional("trust_file", s.trustFile());
        optional("dns_resolver", s.dnsResolver());
        table("semp.sessions");
        put("max", Integer.toString(s.sessions().max()));
        table("semp.handshake");
        put("pow_difficulty", Integer.toString(s.handshake().powDifficulty()));
        table("semp.block");
        put("domains", array(s.block().domains()));
        put("silent_domains", array(s.block().silentDomains()));
        table("semp.first_contact");
        put("mode", quote(s.firstContact().mode().wireName()));
        put("difficulty", Integer.toString(s.firstContact().difficulty()));
        table("semp.rate_limit");
        put("per_domain_hour", Integer.toString(s.rateLimit().perDomainHour()));
        put("silent_for", quote(Durations.format(s.rateLimit().silentFor())));
        table("semp.receipts");
        put("relaxed_peers", array(s.receipts().relaxedPeers()));
        table("semp.queue");
        put("dir", quote(s.queue().dir().toString()));
        put("horizon", quote(Durations.format(s.queue().horizon())));
    }

    private void routes(Map<String, String> routes) {
        put("routes", inline(routes, v -> v));
    }

    /** A TOML inline table of quoted strings, keys sorted. */
    private static <V> String inline(Map<String, V> entries, java.util.function.Function<V, String> value) {
        StringBuilder table = new StringBuilder("{");
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> table.append(table.length() > 1 ? ", " : " ")
                .append(quote(e.getKey())).append(" = ").append(quote(value.apply(e.getValue()))));
        return table.append(table.length() > 1 ? " }" : "}").toString();
    }

    private void table(String name) {
        out.append('\n').append('[').append(name).append("]\n");
    }

    private void put(String key, String tomlValue) {
        out.append(key).append(" = ").append(tomlValue).append('\n');
    }

    private void optional(String key, Optional<?> value) {
        if (value.isPresent()) {
            put(key, quote(value.get() instanceof Path path ? path.toString() : value.get().toString()));
        } else {
            comment(key + " is unset");
        }
    }

    private void comment(String text) {
        out.append("# ").append(text).append('\n');
    }

    static String array(List<?> values) {
        return values.stream().map(v -> quote(v.toString())).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** A TOML basic string (TOML 1.0 §String): backslash, quote and control characters escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20 || ch == 0x7F) {
                        b.append(String.format("\\u%04X", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
