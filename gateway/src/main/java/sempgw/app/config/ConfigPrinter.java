package sempgw.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a configuration back as TOML that {@link ConfigLoader} reads to an equal value
 * ({@code semp-gateway config --defaults}, like {@code postconf -d}). Unset optional keys are
 * printed as comments so the operator sees they exist, and so is a key whose value still follows
 * another key ({@code queue.dir} is {@code <data_dir>/queue} unless set): a copy of the output
 * with {@code data_dir} changed moves the queue too, rather than keeping it where the old
 * {@code data_dir} put it.
 */
public final class ConfigPrinter {
    private final StringBuilder out = new StringBuilder();

    private ConfigPrinter() {
    }

    public static String toToml(GatewayConfig c) {
        GatewayConfig followed = ConfigLoader.parse(anchors(c));
        ConfigPrinter p = new ConfigPrinter();
        p.comment("semp-gateway configuration; every key is described in docs/configuration.md");
        p.put("data_dir", quote(c.dataDir().toString()));
        p.put("lock_memory", Boolean.toString(c.lockMemory()));
        SmtpConfig s = c.smtp();
        p.table("smtp");
        p.put("listen", quote(s.listen().toString()));
        p.derived("hostname", s.hostname(), SmtpConfig.defaultHostname(), "this machine's host name");
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
        p.derived("dir", q.dir(), followed.queue().dir(), "data_dir");
        p.derived("key_file", q.keyFile(), followed.queue().keyFile(), "data_dir");
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
        p.derived("socket", c.control().socket(), followed.control().socket(), "data_dir");
        p.semp(c.semp(), followed.semp());
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

    /**
     * The keys other keys' values follow unless set: {@code data_dir}, {@code smtp.hostname} and
     * {@code semp.listen}, as TOML; what {@link ConfigLoader} derives from them alone is what
     * {@link #derived} compares with.
     */
    private static String anchors(GatewayConfig c) {
        return "data_dir = " + quote(c.dataDir().toString()) + "\n[smtp]\nhostname = " + quote(c.smtp().hostname())
                + "\n[semp]\nlisten = " + quote(c.semp().listen().toString()) + "\n";
    }

    private void semp(SempConfig s, SempConfig followed) {
        table("semp");
        put("enabled", Boolean.toString(s.enabled()));
        optional("domain", s.domain());
        derived("server_id", s.serverId(), followed.serverId(), "smtp.hostname");
        put("listen", quote(s.listen().toString()));
        derived("public_host", s.publicHost(), followed.publicHost(), "smtp.hostname");
        if (s.publicPort() == followed.publicPort()) {
            comment("public_port = " + s.publicPort() + "  (follows semp.listen unless set)");
        } else {
            put("public_port", Integer.toString(s.publicPort()));
        }
        put("transports", array(s.transports()));
        put("suites", array(s.suites()));
        put("max_envelope_size", quote(ByteSizes.format(s.maxEnvelopeSize())));
        put("configuration_ttl", quote(Durations.format(s.configurationTtl())));
        derived("key_file", s.keyFile(), followed.keyFile(), "data_dir");
        derived("domain_keys_file", s.domainKeysFile(), followed.domainKeysFile(), "data_dir");
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
        derived("dir", s.queue().dir(), followed.queue().dir(), "data_dir");
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

    /** {@code key}, printed as a comment while its value is still {@code follows}, what it follows unless set. */
    private void derived(String key, Object value, Object follows, String what) {
        String toml = quote(value.toString());
        if (value.equals(follows)) {
            comment(key + " = " + toml + "  (follows " + what + " unless set)");
        } else {
            put(key, toml);
        }
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
