package sempgw.semp.ingress.federation;

import java.time.Duration;

/**
 * The resource bounds of the federation responder (STYLE.md item 19), each with its default.
 *
 * @param maxSessions live federation sessions before new inits get {@code server_at_capacity}
 *     (SESSION.md §2.5.3: default 1,000)
 * @param handshakeTimeout time from a handshake's first message to its end (HANDSHAKE.md §6.6:
 *     30 s); past it, {@code handshake_expired}
 * @param retiredIdWindow how long a retired {@code session_id} is remembered (SESSION.md §5.2,
 *     CONFORMANCE.md §4.3: at least the one-hour {@code postmark.expires} window; at most 30 days)
 * @param retiredIdCapacity retired ids kept at most; the oldest are forgotten first
 * @param replayLedgerCapacity init nonces and challenge ids remembered at most (HANDSHAKE.md §6.2,
 *     §2.2b.2); a nonce is recorded only once its init is authenticated. When all are within the
 *     session TTL, the oldest is forgotten early to record the next (a WARN at most once a minute
 *     says so) rather than refuse the handshake: a peer able to fill it must not lock the others
 *     out, and a replayed init cannot finish without the initiator's ephemeral private key
 * @param maxMessageBytes the largest message this responder parses; larger envelopes go to the
 *     receive pipeline unread, which answers {@code envelope_size_exceeded}
 */
public record FederationLimits(int maxSessions, Duration handshakeTimeout, Duration retiredIdWindow,
                               int retiredIdCapacity, int replayLedgerCapacity, int maxMessageBytes) {

    /** 1,000 sessions, 30 s, 1 h, 100,000 retired ids, 100,000 nonces, 26 MiB. */
    public static final FederationLimits DEFAULTS = new FederationLimits(1_000, Duration.ofSeconds(30), Duration.ofHours(1),
            100_000, 100_000, 27_262_976);

    public FederationLimits {
        if (maxSessions < 1 || retiredIdCapacity < 1 || replayLedgerCapacity < 1 || maxMessageBytes < 1024) {
            throw new IllegalArgumentException("federation limits must be positive (maxMessageBytes at least 1024)");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || handshakeTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("handshake timeout must be within (0, 5 min] (HANDSHAKE.md §6.6)");
        }
        if (retiredIdWindow.compareTo(Duration.ofHours(1)) < 0 || retiredIdWindow.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("retired session ids must be kept 1 h to 30 d (SESSION.md §5.2)");
        }
    }

    /** These limits with another session cap. */
    public FederationLimits withMaxSessions(int max) {
        return new FederationLimits(max, handshakeTimeout, retiredIdWindow, retiredIdCapacity, replayLedgerCapacity, maxMessageBytes);
    }
}
