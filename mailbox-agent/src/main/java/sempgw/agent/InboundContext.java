package sempgw.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Enclosure;

/**
 * What {@link SempToMime} renders: an opened envelope and what was verified about it.
 *
 * @param brief the decrypted brief
 * @param enclosure the decrypted enclosure, empty when the sender signature did not verify
 *     (the content is then never rendered, ENVELOPE.md §6.5.3)
 * @param verification seal and signature outcomes and the origin state
 * @param mailboxAddress the legacy mailbox the message is for
 * @param receivedAt when the envelope was received
 * @param localHost this gateway's host name, for the Message-ID of notices it writes
 */
public record InboundContext(Brief brief, Optional<Enclosure> enclosure, Verification verification, String mailboxAddress,
                             Instant receivedAt, String localHost) {
    public InboundContext {
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(enclosure, "enclosure");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(mailboxAddress, "mailboxAddress");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(localHost, "localHost");
    }

    /** Shows the message id only. */
    @Override
    public String toString() {
        return "InboundContext[" + brief.messageId() + "]";
    }
}
