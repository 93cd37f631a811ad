package sempgw.core.envelope.seal;

import java.util.Objects;
import sempgw.core.SempReason;

/** What delivery policy decided about an envelope (ENVELOPE.md §7.2 step 7). */
public sealed interface PolicyDecision {

    /** Deliver. */
    record Deliver() implements PolicyDecision {
    }

    /**
     * Refuse with {@code reason}: {@code policy_forbidden}, or {@code blocked} only where the
     * recipient's policy allows revealing the block (ENVELOPE.md §9.3).
     *
     * @param reason the code to send
     * @param detail operator text, never sent verbatim
     */
    record Refuse(SempReason reason, String detail) implements PolicyDecision {
        public Refuse {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            if (reason == SempReason.UNKNOWN) {
                throw new IllegalArgumentException("refuse with a registered reason code");
            }
        }
    }

    /** The decision to deliver. */
    static PolicyDecision deliver() {
        return new Deliver();
    }
}
