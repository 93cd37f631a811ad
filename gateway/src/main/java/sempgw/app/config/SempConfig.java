package sempgw.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;

/**
 * The {@code [semp]} table: the SEMP server (documents, federation) and sender. Off by default,
 * so a gateway started on the embedded defaults is an SMTP gateway only. Reading and the
 * cross-checks live in {@link SempConfigReader}; the sub-tables in {@link SempPolicies}.
 *
 * @param enabled whether the gateway serves and sends SEMP at all
 * @param domain the email domain we are the SEMP server of; required when enabled
 * @param serverId our {@code server_id} in federation handshakes and {@code _semp-verify} (HANDSHAKE.md §5.2, §5.4)
 * @param listen address and port of the HTTPS listener (h2 and WebSocket)
 * @param publicHost the host name peers reach us at: the SRV target and the host of advertised URLs (DISCOVERY.md §2.1)
 * @param publicPort the port peers reach us at (a proxy or NAT may map it to {@code listen})
 * @param transports transports offered, in preference order; {@code h2} is mandatory (DISCOVERY.md §2.2)
 * @param suites suites offered, in preference order; the baseline suite is mandatory (ENVELOPE.md §7.3.1)
 * @param maxEnvelopeSize largest envelope accepted, advertised as {@code mes} and {@code max_envelope_size}
 * @param configurationTtl how long peers may cache our configuration document (DISCOVERY.md §3)
 * @param keyFile the 256-bit key that encrypts the domain keys at rest, created on first start, mode 0600
 * @param domainKeysFile the domain signing and encryption keys, encrypted under {@code keyFile}
 * @param mailboxes local SEMP addresses ({@code user@domain}, or {@code @domain} for all)
 * @param mailboxesFile more local addresses, one per line, as {@code smtp.recipients_file}
 * @param trustFile a PEM bundle of CA or server certificates trusted for peers' HTTPS endpoints in
 *     addition to the JDK's trust anchors
 * @param dnsResolver the recursive resolver for SEMP discovery and {@code _semp-verify}; empty
 *     for the system's ({@code /etc/resolv.conf})
 * @param sessions federation session limits
 * @param handshake handshake admission
 * @param block domains refused before the handshake completes
 * @param firstContact the first-contact policy published and enforced (DELIVERY.md §6.4)
 * @param rateLimit per-domain envelope rate limit
 * @param receipts delivery receipt checking on the sender side
 * @param queue the SEMP sender queue
 */
public record SempConfig(
        boolean enabled,
        Optional<String> domain,
        String serverId,
        ListenAddress listen,
        String publicHost,
        int publicPort,
        List<String> transports,
        List<SuiteId> suites,
        long maxEnvelopeSize,
        Duration configurationTtl,
        Path keyFile,
        Path domainKeysFile,
        List<String> mailboxes,
        Optional<Path> mailboxesFile,
        Optional<Path> trustFile,
        Optional<ListenAddress> dnsResolver,
        SempPolicies.SessionsConfig sessions,
        SempPolicies.HandshakeConfig handshake,
        SempPolicies.BlockConfig block,
        SempPolicies.FirstContactConfig firstContact,
        SempPolicies.RateLimitConfig rateLimit,
        SempPolicies.ReceiptsConfig receipts,
        SempPolicies.SenderQueueConfig queue) {

    public SempConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(publicHost, "publicHost");
        transports = List.copyOf(transports);
        suites = List.copyOf(suites);
        Objects.requireNonNull(configurationTtl, "configurationTtl");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(domainKeysFile, "domainKeysFile");
        mailboxes = List.copyOf(mailboxes);
        Objects.requireNonNull(mailboxesFile, "mailboxesFile");
        Objects.requireNonNull(trustFile, "trustFile");
        Objects.requireNonNull(dnsResolver, "dnsResolver");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(firstContact, "firstContact");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(receipts, "receipts");
        Objects.requireNonNull(queue, "queue");
    }

    /** The configured domain; only call when {@link #enabled()} or after checking {@link #domain()}. */
    public String requireDomain() {
        return domain.orElseThrow(() -> new ConfigException("semp.domain", "(unset)", SempConfigReader.DOMAIN_REQUIRED));
    }

    /**
     * {@code semp.domain}, which {@code command} needs whether or not SEMP is enabled.
     *
     * @throws ConfigException naming the command, if the domain is not set
     */
    public String requireDomain(String command) {
        return domain.orElseThrow(() -> new ConfigException("semp.domain", "(unset)",
                "a domain name (the email domain we serve SEMP for) for " + command));
    }

    static SempConfig read(TomlTable t, Path dataDir, SmtpConfig smtp) {
        return SempConfigReader.read(t, dataDir, smtp);
    }
}
