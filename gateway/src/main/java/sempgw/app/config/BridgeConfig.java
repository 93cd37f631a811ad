package sempgw.app.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [bridge]} table: how SMTP mail becomes SEMP and back (GATEWAY.md §5).
 *
 * @param attemptTimeout how long the SMTP client waits at DATA for the first SEMP attempt: a
 *     delivery is then answered {@code 250}, a terminal refusal of every recipient a {@code 5xx};
 *     anything unfinished is accepted and retried from the queue. Far below the 10 minutes an
 *     SMTP client waits for the reply to DATA (RFC 5321 §4.5.3.2.6).
 * @param advertiseSemp whether SMTP mail from a provisioned mailbox carries the upgrade-signal
 *     headers of CLIENT.md §6.4.3 (each mailbox can still opt out)
 */
public record BridgeConfig(Duration attemptTimeout, boolean advertiseSemp) {
    public BridgeConfig {
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    }

    static BridgeConfig read(TomlTable t) {
        BridgeConfig c = new BridgeConfig(
                t.duration("attempt_timeout", Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(5)),
                t.bool("advertise_semp", true));
        t.finish();
        return c;
    }
}
