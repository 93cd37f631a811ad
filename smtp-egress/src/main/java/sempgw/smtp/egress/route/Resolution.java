package sempgw.smtp.egress.route;

import java.util.List;
import java.util.Objects;
import sempgw.smtp.egress.client.Target;

/** What a route resolves to: the addresses to try in order, or why there are none. */
public sealed interface Resolution {

    /** Try these in order until one accepts a session (RFC 5321 §5.1). */
    record Targets(List<Target> targets) implements Resolution {
        public Targets {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("at least one target");
            }
        }
    }

    /**
     * No address to try.
     *
     * @param reason one line with an enhanced status code, for the log and the DSN
     * @param permanent the domain cannot receive mail (NXDOMAIN, null MX); otherwise retry later
     */
    record Unroutable(String reason, boolean permanent) implements Resolution {
        public Unroutable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
