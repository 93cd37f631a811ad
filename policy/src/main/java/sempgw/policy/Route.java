package sempgw.policy;

import java.util.Objects;

/**
 * Where one recipient of one message goes, as decided by {@link Router}. Switch over it
 * exhaustively, without a default branch, so a new kind of route cannot be ignored.
 */
public sealed interface Route {

    /** Deliver over SEMP: the mailbox agent composes, semp-egress seals and sends. */
    record ViaSemp() implements Route {
    }

    /** Deliver over SMTP (smtp-egress), for the stated cause. */
    record ViaSmtp(Cause cause) implements Route {
        public ViaSmtp {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Keep the message queued and decide again later; the status is the deferral reason (4yz). */
    record Defer(SmtpStatus status) implements Route {
        public Defer {
            Objects.requireNonNull(status, "status");
            if (!status.temporary()) {
                throw new IllegalArgumentException("a deferral needs a 4yz status: " + status);
            }
        }
    }

    /** Refuse this recipient: a 5yz in the DATA reply, or a DSN after a 250. */
    record Refuse(SmtpStatus status) implements Route {
        public Refuse {
            Objects.requireNonNull(status, "status");
            if (!status.permanent()) {
                throw new IllegalArgumentException("a refusal needs a 5yz status: " + status);
            }
        }
    }

    /** Why a recipient goes over SMTP, for the log line of the routing decision. */
    enum Cause {
        /** A domain this gateway serves: the organisation's own mailbox host. */
        LOCAL_DOMAIN,
        /** The policy says {@code smtp-only}. */
        SMTP_ONLY,
        /** {@code semp-preferred}, and the sender has no provisioned SEMP mailbox to send from. */
        NO_SENDER_MAILBOX,
        /** {@code semp-preferred}, and the domain does not publish SEMP. */
        LEGACY_DOMAIN,
        /** {@code semp-preferred}, and the domain accepts no mail: smtp-egress bounces it (RFC 7505). */
        NO_MAIL,
        /**
         * {@code semp-preferred}, and the domain speaks only another SEMP major version but has an
         * SMTP route: non-SEMP for us, so the same fallback as a legacy domain (CONFORMANCE.md §9.1.3).
         */
        OTHER_MAJOR
    }
}
