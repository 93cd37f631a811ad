package sempgw.core.envelope.compose;

import java.util.List;
import java.util.Objects;
import sempgw.core.envelope.Envelope;

/**
 * One envelope of a composed message, ready for the home server to seal.
 *
 * @param envelope the unsigned envelope (empty {@code key_id}, {@code signature} and
 *     {@code session_mac}), padded for the sizes those fields will have once sealed
 * @param recipients the addresses this copy is for, all in {@code postmark.to_domain}
 * @param blindCopy true for a Bcc recipient's own copy (ENVELOPE.md §5.3)
 */
public record ComposedEnvelope(Envelope envelope, List<String> recipients, boolean blindCopy) {
    public ComposedEnvelope {
        Objects.requireNonNull(envelope, "envelope");
        recipients = List.copyOf(recipients);
    }

    /** Shows the postmark id and recipient count only. */
    @Override
    public String toString() {
        return "ComposedEnvelope[" + envelope.postmark().id() + ", " + recipients.size() + " recipients"
                + (blindCopy ? ", bcc" : "") + "]";
    }
}
