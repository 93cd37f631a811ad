package sempgw.smtp.ingress.session;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every connection needs to frame its input.
 *
 * @param verbs the command verbs the server knows, upper case
 * @param hostname our name, for the timeout reply
 * @param commandTimeout the deadline for one whole command line (RFC 5321 §4.5.3.2.7), and for
 *                       writing the replies to it
 * @param watchdog closes connections whose reply writes pass their deadline
 */
public record ConnectionSettings(Set<String> verbs, String hostname, Duration commandTimeout, ScheduledExecutorService watchdog) {
    public ConnectionSettings {
        verbs = Set.copyOf(verbs);
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(watchdog, "watchdog");
    }
}
