package sempgw.smtp.ingress;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import sempgw.smtp.ingress.auth.Authenticator;
import sempgw.smtp.ingress.data.HeaderFieldFilter;
import sempgw.smtp.ingress.data.MessageLimits;
import sempgw.smtp.ingress.policy.CidrRange;
import sempgw.smtp.ingress.policy.RecipientValidator;
import sempgw.smtp.ingress.policy.SenderLoginPolicy;
import sempgw.smtp.ingress.policy.SenderLogins;

/**
 * Everything the SMTP ingress is configured with; immutable. Defaults (see {@link Builder}):
 * <pre>
 * bindAddress              0.0.0.0         port                    2525
 * limits.maxSize           52428800 (50 MiB, advertised as SIZE)
 * limits.maxHeaderLines    1000            limits.maxHeaderBytes   1048576
 * limits.maxHops           50              maxRecipients           1000
 * relayNetworks            127.0.0.0/8, ::1/128
 * localDomains             none            recipientValidator      required with local domains
 * authenticator            none (AUTH is offered only under TLS, always)
 * senderLogins             SenderLogins.NONE (an AUTH login owns only itself, when it is an address)
 * tls                      none (no STARTTLS)
 * maxConnectionsPerClient  20              maxConnections          1000
 * commandTimeout           300 s (deadline for one command line, and for writing replies)
 * dataTimeout              300 s           minDataRate             500 octets/s
 * stripHeaderFields        SEMP-Verification (removed from the header section of every message)
 * afterCommit              AfterCommit.QUEUED (reply 250 2.0.0 Ok: queued as &lt;id&gt;)
 * </pre>
 * The data timeout is a deadline that received data pushes back by {@code octets / minDataRate}
 * seconds, up to the timeout (Postfix's {@code smtpd_min_data_rate}).
 * A bare {@code <Postmaster>} recipient (RFC 5321 §4.5.1) goes to the first local domain in
 * alphabetical order. Header field names to strip are matched without regard to case
 * ({@link HeaderFieldFilter}); an empty set strips nothing. An authenticated client may use
 * only the reverse-paths its login owns ({@link SenderLoginPolicy}): the login itself, when it
 * is an address, and what {@code senderLogins} lists for it.
 */
public record SmtpIngressConfig(
        InetAddress bindAddress,
        int port,
        String hostname,
        MessageLimits limits,
        int maxRecipients,
        List<CidrRange> relayNetworks,
        Set<String> localDomains,
        RecipientValidator recipientValidator,
        Optional<Authenticator> authenticator,
        SenderLogins senderLogins,
        Optional<SSLContext> tls,
        int maxConnectionsPerClient,
        int maxConnections,
        Duration commandTimeout,
        Duration dataTimeout,
        int minDataRate,
        Set<String> stripHeaderFields,
        AfterCommit afterCommit) {

    public SmtpIngressConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(limits, "limits");
        relayNetworks = List.copyOf(relayNetworks);
        localDomains = localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(senderLogins, "senderLogins");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(dataTimeout, "dataTimeout");
        stripHeaderFields = Set.copyOf(stripHeaderFields);
        Objects.requireNonNull(afterCommit, "afterCommit");
        check(port >= 0 && port <= 65535, "port out of range: " + port);
        check(hostname.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?"), "hostname is not a domain name: " + hostname);
        check(maxRecipients > 0, "maxRecipients must be positive");
        check(maxConnections > 0 && maxConnectionsPerClient > 0, "connection limits must be positive");
        check(maxConnectionsPerClient <= maxConnections, "maxConnectionsPerClient exceeds maxConnections");
        check(isPositive(commandTimeout) && isPositive(dataTimeout), "timeouts must be positive");
        check(minDataRate > 0, "minDataRate must be positive");
        for (String name : stripHeaderFields) {
            check(HeaderFieldFilter.isFieldName(name), "not a header field name: " + name);
        }
        check(localDomains.isEmpty() || recipientValidator != null, "localDomains need a recipientValidator");
        check(authenticator.isEmpty() || tls.isPresent(), "AUTH needs TLS: set an SSLContext or remove the authenticator");
        if (recipientValidator == null) {
            recipientValidator = address -> false;
        }
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder(String hostname) {
        return new Builder(hostname);
    }

    /** Builds a config from the defaults above; every setter replaces one default. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.ofLiteral("0.0.0.0");
        private int port = 2525;
        private final String hostname;
        private MessageLimits limits = MessageLimits.defaults();
        private int maxRecipients = 1000;
        private List<CidrRange> relayNetworks = List.of(CidrRange.parse("127.0.0.0/8"), CidrRange.parse("::1"));
        private Set<String> localDomains = Set.of();
        private RecipientValidator recipientValidator;
        private Authenticator authenticator;
        private SenderLogins senderLogins = SenderLogins.NONE;
        private SSLContext tls;
        private int maxConnectionsPerClient = 20;
        private int maxConnections = 1000;
        private Duration commandTimeout = Duration.ofSeconds(300);
        private Duration dataTimeout = Duration.ofSeconds(300);
        private int minDataRate = 500;
        private Set<String> stripHeaderFields = Set.of("SEMP-Verification");
        private AfterCommit afterCommit = AfterCommit.QUEUED;

        private Builder(String hostname) {
            this.hostname = hostname;
        }

        public Builder bind(InetAddress address, int port) {
            this.bindAddress = address;
            this.port = port;
            return this;
        }

        public Builder limits(MessageLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            this.limits = limits.withMaxSize(bytes);
            return this;
        }

        public Builder maxRecipients(int n) {
            this.maxRecipients = n;
            return this;
        }

        public Builder relayNetworks(List<CidrRange> networks) {
            this.relayNetworks = networks;
            return this;
        }

        public Builder localDomains(Set<String> domains, RecipientValidator validator) {
            this.localDomains = domains;
            this.recipientValidator = validator;
            return this;
        }

        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        /** The addresses each AUTH login owns beyond its own; replaces {@link SenderLogins#NONE}. */
        public Builder senderLogins(SenderLogins logins) {
            this.senderLogins = logins;
            return this;
        }

        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        public Builder connectionLimits(int perClient, int total) {
            this.maxConnectionsPerClient = perClient;
            this.maxConnections = total;
            return this;
        }

        public Builder timeouts(Duration command, Duration data) {
            this.commandTimeout = command;
            this.dataTimeout = data;
            return this;
        }

        public Builder minDataRate(int octetsPerSecond) {
            this.minDataRate = octetsPerSecond;
            return this;
        }

        /** The header fields removed from every message; replaces the default set. */
        public Builder stripHeaderFields(Set<String> names) {
            this.stripHeaderFields = names;
            return this;
        }

        /** Decides the final reply to DATA after the commit. */
        public Builder afterCommit(AfterCommit hook) {
            this.afterCommit = hook;
            return this;
        }

        public SmtpIngressConfig build() {
            return new SmtpIngressConfig(bindAddress, port, hostname, limits, maxRecipients, relayNetworks, localDomains,
                    recipientValidator, Optional.ofNullable(authenticator), senderLogins, Optional.ofNullable(tls),
                    maxConnectionsPerClient, maxConnections, commandTimeout, dataTimeout, minDataRate, stripHeaderFields, afterCommit);
        }
    }
}
