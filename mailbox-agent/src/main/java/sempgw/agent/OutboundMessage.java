package sempgw.agent;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.envelope.compose.Draft;

/**
 * The SEMP content of one delivery batch.
 *
 * @param draft brief and unsigned enclosure, ready for the composer
 * @param authorRequiresSemp the author asked for SEMP only ({@code SEMP-Require: yes})
 * @param legacyMessageId the message's own {@code Message-ID} (without brackets), for the
 *     threading map of CLIENT.md §6.4.4 (the brief has a fresh id of its own)
 */
public record OutboundMessage(Draft draft, boolean authorRequiresSemp, Optional<String> legacyMessageId) {
    public OutboundMessage {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(legacyMessageId, "legacyMessageId");
    }

    /** A message without a known Message-ID. */
    public OutboundMessage(Draft draft, boolean authorRequiresSemp) {
        this(draft, authorRequiresSemp, Optional.empty());
    }
}
