package sempgw.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sempgw.core.SempReason;

/**
 * When a session may be rekeyed (SESSION.md §3.1, §3.5; VECTORS.md §9.3): never after expiry
 * ({@code session_expired}), at most once per minute and at most ten times per session
 * ({@code rate_limited}). Both sides apply the same rule, the initiator before asking and the
 * responder before answering.
 */
public final class RekeyLimits {
    /** Minimum spacing between two rekeys of one session (SESSION.md §3.5). */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    /** Most rekeys in one session's lifetime (SESSION.md §3.5). */
    public static final int MAX_REKEYS = 10;

    private RekeyLimits() {
    }

    /** Why {@code session} must not be rekeyed at {@code now}, or empty when it may. */
    public static Optional<SempReason> refusal(Session session, Instant now) {
        if (session.isExpired(now)) {
            return Optional.of(SempReason.SESSION_EXPIRED);
        }
        if (session.rekeyCount() >= MAX_REKEYS) {
            return Optional.of(SempReason.RATE_LIMITED);
        }
        Instant last = session.lastRekeyAt();
        if (last != null && now.isBefore(last.plus(MIN_INTERVAL))) {
            return Optional.of(SempReason.RATE_LIMITED);
        }
        return Optional.empty();
    }
}
