package sempgw.core.handshake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import sempgw.core.SempReason;

/**
 * The home server's decision once a client proved its identity (HANDSHAKE.md §2.7, §4.2;
 * SESSION.md §2.5): the session TTL and permissions to grant, or a refusal ({@code blocked},
 * {@code policy_forbidden}, {@code server_at_capacity}).
 */
@FunctionalInterface
public interface ClientAuthorizer {

    /** The decision for the authenticated {@code address}. */
    Authorization authorize(String address, Instant now);

    /** An authorization decision. */
    sealed interface Authorization permits Granted, Denied {
    }

    /**
     * Accept with {@code ttl} (HANDSHAKE.md §3.1 default 300 s) and {@code permissions}
     * (e.g. {@code send}, {@code receive}).
     */
    record Granted(Duration ttl, List<String> permissions) implements Authorization {
        public Granted {
            if (ttl.isNegative() || ttl.isZero() || ttl.toSeconds() < 1) {
                throw new IllegalArgumentException("TTL must be at least one second");
            }
            permissions = List.copyOf(permissions);
        }
    }

    /** Reject with {@code reason}. */
    record Denied(SempReason reason) implements Authorization {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
