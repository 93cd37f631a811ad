package sempgw.core.envelope.compose;

import java.util.Objects;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Enclosure;

/**
 * A message to send: the brief with every recipient (Bcc included; each Bcc recipient gets a copy
 * naming only themselves, ENVELOPE.md §5.3) and the unsigned enclosure, which composing signs.
 *
 * @param brief addresses, time and threading; every address canonical (ENVELOPE.md §2.3)
 * @param enclosure subject, body and attachments
 */
public record Draft(Brief brief, Enclosure enclosure) {
    public Draft {
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(enclosure, "enclosure");
    }
}
