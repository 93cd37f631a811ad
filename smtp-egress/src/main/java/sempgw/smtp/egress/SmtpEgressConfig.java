package sempgw.smtp.egress;

import java.time.Duration;
import java.util.Objects;
import sempgw.smtp.egress.client.ClientSettings;
import sempgw.smtp.egress.client.Timeouts;

/**
 * The settings of the SMTP/LMTP delivery agent, each with its default.
 *
 * @param client our EHLO name (also the DSN's Reporting-MTA), timeouts (RFC 5321 §4.5.3.2
 *     defaults) and the trust anchors of {@code tls=verify} routes
 * @param maxIdlePerDestination idle sessions kept per destination for reuse (default 32; 0 turns reuse off)
 * @param maxIdle how long an idle session is kept (default 5 s; Postfix keeps 2 s)
 * @param maxAge how long a session is reused at most (default 300 s, Postfix's smtp_connection_reuse_time_limit)
 */
public record SmtpEgressConfig(ClientSettings client, int maxIdlePerDestination, Duration maxIdle, Duration maxAge) {

    public SmtpEgressConfig {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(maxIdle, "maxIdle");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxIdlePerDestination < 0) {
            throw new IllegalArgumentException("maxIdlePerDestination must be >= 0");
        }
    }

    /** The defaults, trusting the JDK's certificate authorities for verified routes. */
    public static SmtpEgressConfig defaults(String heloName) {
        return new SmtpEgressConfig(ClientSettings.withDefaultTrust(heloName, Timeouts.defaults()), 32,
                Duration.ofSeconds(5), Duration.ofSeconds(300));
    }
}
