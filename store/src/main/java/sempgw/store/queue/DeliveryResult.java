package sempgw.store.queue;

import java.util.Objects;

/**
 * What a delivery agent reports for one recipient. {@code reply} is the remote server's reply
 * (for example {@code 550 5.1.1 <bob@example.org>: user unknown}) or a local reason, and goes
 * into the log, {@code queue show}, and a DSN's {@code Diagnostic-Code}.
 */
public sealed interface DeliveryResult {
    String reply();

    /** The next hop took responsibility for the message. */
    record Delivered(String reply) implements DeliveryResult {
        public Delivered { Objects.requireNonNull(reply); }
    }

    /** A temporary failure: retry later. Internal errors are temporary too. */
    record Deferred(String reply) implements DeliveryResult {
        public Deferred { Objects.requireNonNull(reply); }
    }

    /** A permanent failure: bounce. {@code diagnosticType} is the RFC 3464 diagnostic type ({@code smtp}, {@code semp}). */
    record Failed(String diagnosticType, String reply) implements DeliveryResult {
        public Failed {
            Objects.requireNonNull(diagnosticType);
            Objects.requireNonNull(reply);
        }
    }
}
