package sempgw.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [smtp]} table: the SMTP listener, its limits and who may relay through it.
 *
 * @param listen address and port to accept SMTP on
 * @param hostname our name in the banner, EHLO reply, trace headers and DSNs
 * @param maxMessageSize largest message accepted, in octets (RFC 1870 SIZE)
 * @param maxRecipients RCPT TO commands accepted per transaction
 * @param relayNetworks clients that may relay to any domain
 * @param localDomains domains we accept mail for from anyone (the edge/MX role)
 * @param recipientsFile the valid addresses at the local domains, one per line; required with local domains
 * @param authUsersFile users who may relay after AUTH (under TLS only); unset: AUTH is off
 * @param senderLoginsFile the sender addresses each AUTH login owns beyond its own; unset: a login owns only itself
 * @param maxConnections simultaneous SMTP connections in all
 * @param maxConnectionsPerClient simultaneous SMTP connections from one IP address
 * @param commandTimeout idle time allowed between commands
 * @param dataTimeout time allowed for the whole DATA phase of one message
 */
public record SmtpConfig(
        ListenAddress listen,
        String hostname,
        long maxMessageSize,
        int maxRecipients,
        List<Network> relayNetworks,
        List<String> localDomains,
        Optional<Path> recipientsFile,
        Optional<Path> authUsersFile,
        Optional<Path> senderLoginsFile,
        int maxConnections,
        int maxConnectionsPerClient,
        Duration commandTimeout,
        Duration dataTimeout) {

    public SmtpConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(hostname, "hostname");
        relayNetworks = List.copyOf(relayNetworks);
        localDomains = List.copyOf(localDomains);
        Objects.requireNonNull(recipientsFile, "recipientsFile");
        Objects.requireNonNull(authUsersFile, "authUsersFile");
        Objects.requireNonNull(senderLoginsFile, "senderLoginsFile");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(dataTimeout, "dataTimeout");
    }

    static SmtpConfig read(TomlTable t) {
        SmtpConfig c = new SmtpConfig(
                t.parsed("listen", ListenAddress.parse("127.0.0.1:2525"), ListenAddress::parse),
                t.string("hostname", defaultHostname(), DomainNames::require),
                t.size("max_message_size", 50L << 20, 1L << 10, 2L << 30),
                // RFC 5321 §4.5.3.1.8: a server must accept at least 100 recipients.
                t.integer("max_recipients", 1000, 100, 100_000),
                t.list("relay_networks", List.of(Network.parse("127.0.0.0/8"), Network.parse("::1/128")), Network::parse),
                t.list("local_domains", List.of(), DomainNames::require),
                t.optionalPath("recipients_file"),
                t.optionalPath("auth_users_file"),
                t.optionalPath("sender_logins_file"),
                t.integer("max_connections", 500, 1, 100_000),
                t.integer("max_connections_per_client", 50, 1, 100_000),
                // RFC 5321 §4.5.3.2.7 asks servers for at least 5 minutes; shorter values are for tests.
                t.duration("command_timeout", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofHours(1)),
                t.duration("data_timeout", Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofHours(2)));
        if (c.maxConnectionsPerClient > c.maxConnections) {
            throw new ConfigException("smtp.max_connections_per_client", Integer.toString(c.maxConnectionsPerClient),
                    "at most smtp.max_connections (" + c.maxConnections + ")");
        }
        if (!c.localDomains.isEmpty() && c.recipientsFile.isEmpty()) {
            throw new ConfigException("smtp.recipients_file", "(unset)",
                    "a file of valid addresses whenever smtp.local_domains is set, so unknown recipients are refused at RCPT TO"
                            + " instead of bounced later (backscatter)");
        }
        t.finish();
        return c;
    }

    /** The machine's host name if it is a valid domain name, else {@code localhost}. */
    static String defaultHostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return DomainNames.isValid(name) ? name.toLowerCase(java.util.Locale.ROOT) : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
