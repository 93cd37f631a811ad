package sempgw.core.handshake;

import java.util.Objects;
import sempgw.core.SempReason;

/**
 * The responder's gate before any session resource is spent on an {@code init}
 * (HANDSHAKE.md §4.2 block lists; SESSION.md §2.5.3 capacity): admit, refuse with a reason
 * ({@code blocked}, {@code server_at_capacity}, {@code rate_limited}, {@code policy_forbidden}),
 * or ignore without any reply (a {@code silent} block).
 */
@FunctionalInterface
public interface Admission {

    /** The decision for one {@code init}. */
    Decision admit(InitSummary init);

    /** Admits every init: for servers that gate connections before the handshake. */
    static Admission admitAll() {
        return init -> Decision.ADMIT;
    }

    /** An admission decision. */
    sealed interface Decision permits Admit, Refuse, Ignore {
        /** Proceed. */
        Decision ADMIT = new Admit();
        /** Send nothing at all (HANDSHAKE.md §4.2 {@code acknowledgment: "silent"}). */
        Decision IGNORE = new Ignore();
    }

    /** Proceed with the handshake. */
    record Admit() implements Decision {
    }

    /** Answer with a signed {@code rejected} carrying {@code reason}. */
    record Refuse(SempReason reason) implements Decision {
        public Refuse {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Send nothing; the caller closes after its usual timing (DELIVERY.md §8.2). */
    record Ignore() implements Decision {
    }
}
