package sempgw.semp.egress.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import sempgw.core.SempTimestamps;

/**
 * The effective delivery deadline of a queued envelope (DELIVERY.md §2.4): the earlier of
 * {@code postmark.expires} and {@code queued_at + server_max_retry_horizon}. No attempt starts at
 * or after it; the envelope is then {@code expired}, a sender-side terminal state.
 *
 * @param at the deadline
 * @param bound which of the two limits set it
 */
public record DeliveryDeadline(Instant at, Bound bound) {

    /** The limit that set the deadline. */
    public enum Bound {
        /** {@code postmark.expires}, set by the sending client. */
        POSTMARK_EXPIRES,
        /** {@code queued_at + server_max_retry_horizon}, set by the operator. */
        RETRY_HORIZON
    }

    public DeliveryDeadline {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(bound, "bound");
    }

    /** The deadline of an envelope that expires at {@code postmarkExpires} and was queued at {@code queuedAt}. */
    public static DeliveryDeadline of(Instant postmarkExpires, Instant queuedAt, Duration retryHorizon) {
        Instant horizon = queuedAt.plus(retryHorizon);
        return postmarkExpires.isAfter(horizon)
                ? new DeliveryDeadline(horizon, Bound.RETRY_HORIZON)
                : new DeliveryDeadline(postmarkExpires, Bound.POSTMARK_EXPIRES);
    }

    /** True when no attempt may start at {@code now} (DELIVERY.md §2.4: MUST NOT retry past it). */
    public boolean passed(Instant now) {
        return !now.isBefore(at);
    }

    /** Operator text for the log and a DSN, e.g. {@code postmark.expires 2026-11-26T01:00:00Z passed}. */
    public String describe() {
        String what = bound == Bound.POSTMARK_EXPIRES ? "postmark.expires" : "retry horizon";
        return what + " " + SempTimestamps.format(at) + " passed";
    }
}
