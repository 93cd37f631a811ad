package sempgw.store.queue;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a delivery agent reports for one recipient. {@code reply} is the remote server's reply
 * (for example {@code 550 5.1.1 <bob@example.org>: user unknown}) or a local reason, for people:
 * it goes into the log, {@code queue show}, and a DSN's {@code Diagnostic-Code}. An agent whose
 * protocol names its failures with reason codes (SEMP, ERRORS.md §2-§5) also gives the
 * {@link Reason}: the queue manager, the bridge and the DSN decide on it, never on the reply text.
 */
public sealed interface DeliveryResult {
    String reply();

    /** The protocol's reason, when the agent has one; SMTP results have none (their reply code says it). */
    Optional<Reason> reason();

    /**
     * The structured form of a failure, beside the reply text.
     *
     * @param code the reason code: a SEMP registry code (ERRORS.md §2-§5, {@code recipient_not_found})
     *     or a local outcome of docs/outcomes.md ({@code transport}, {@code timeout}, {@code silent},
     *     {@code internal}, {@code expired}); 1 to 64 of {@code [A-Za-z0-9._/-]}, case kept (ERRORS.md §15.3)
     * @param detail the reason text without the code (the peer's, or ours); may be empty
     * @param status the RFC 3463 enhanced status for the DSN {@code Status} field (RFC 3464 §2.3.4),
     *     once the code has been looked up; empty until then
     */
    record Reason(String code, String detail, Optional<String> status) {
        private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._/-]{1,64}");
        private static final Pattern STATUS = Pattern.compile("[245]\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})");

        public Reason {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(status, "status");
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("reason code must be 1-64 of [A-Za-z0-9._/-]");
            }
            if (status.isPresent() && !STATUS.matcher(status.get()).matches()) {
                throw new IllegalArgumentException("status must be class.subject.detail (RFC 3463 §2): " + status.get());
            }
        }

        /** A reason whose status is not known yet. */
        public Reason(String code, String detail) {
            this(code, detail, Optional.empty());
        }

        /** The same reason with its RFC 3463 status. */
        public Reason withStatus(String enhanced) {
            return new Reason(code, detail, Optional.of(enhanced));
        }
    }

    /** The next hop took responsibility for the message. */
    record Delivered(String reply) implements DeliveryResult {
        public Delivered { Objects.requireNonNull(reply); }

        @Override
        public Optional<Reason> reason() {
            return Optional.empty();
        }
    }

    /** A temporary failure: retry later. Internal errors are temporary too. */
    record Deferred(String reply, Optional<Reason> reason) implements DeliveryResult {
        public Deferred {
            Objects.requireNonNull(reply);
            Objects.requireNonNull(reason);
        }

        /** A deferral without a reason code (an SMTP reply or a local condition). */
        public Deferred(String reply) {
            this(reply, Optional.empty());
        }

        public Deferred(String reply, Reason reason) {
            this(reply, Optional.of(reason));
        }
    }

    /**
     * A permanent failure: bounce. {@code diagnosticType} is the RFC 3464 diagnostic type
     * ({@code smtp}, {@code semp}); a {@link Reason} is a code of that type.
     */
    record Failed(String diagnosticType, String reply, Optional<Reason> reason) implements DeliveryResult {
        public Failed {
            Objects.requireNonNull(diagnosticType);
            Objects.requireNonNull(reply);
            Objects.requireNonNull(reason);
        }

        /** A failure without a reason code (an SMTP reply or a local refusal). */
        public Failed(String diagnosticType, String reply) {
            this(diagnosticType, reply, Optional.empty());
        }

        public Failed(String diagnosticType, String reply, Reason reason) {
            this(diagnosticType, reply, Optional.of(reason));
        }
    }
}
