package sempgw.semp.ingress.receive;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempReason;

/**
 * The inbox's explicit refusal of an envelope it will not deliver, thrown by {@link Inbox#store}
 * before anything is stored: the pipeline answers {@code rejected} with {@link #reason()} and
 * {@link #detail()}, never {@code delivered} (ENVELOPE.md §9.2, DELIVERY.md §1.1: no false
 * acknowledgment of delivery). Unlike an {@code IOException}, it is an answer, not a failure to
 * retry.
 */
public final class InboxRefusal extends Exception {
    private final SempReason reason;
    private final Optional<String> extension;

    /**
     * @param reason the reason code sent
     * @param detail the reason text sent to the peer: names the failed check, never content
     * @param extension for {@code extension_unsupported}, the key the rejection must name
     *     (EXTENSIONS.md §3.1, §8.3)
     */
    public InboxRefusal(SempReason reason, String detail, Optional<String> extension) {
        super(Objects.requireNonNull(detail, "detail"));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.extension = Objects.requireNonNull(extension, "extension");
    }

    /** The reason code of the rejection. */
    public SempReason reason() {
        return reason;
    }

    /** The reason text of the rejection. */
    public String detail() {
        return getMessage();
    }

    /** The unsupported extension key of an {@code extension_unsupported}; empty otherwise. */
    public Optional<String> extension() {
        return extension;
    }
}
