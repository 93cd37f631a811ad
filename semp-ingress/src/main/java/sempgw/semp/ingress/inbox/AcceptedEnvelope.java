package sempgw.semp.ingress.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An envelope the receive pipeline accepted, as the inbox stores it: the wire bytes unchanged
 * (ENVELOPE.md §9.1: no signed field modified) plus what routing needs without opening it again.
 *
 * @param postmarkId {@code postmark.id}
 * @param fromDomain {@code postmark.from_domain}, verified by the seal and the session
 * @param senderAddress {@code brief.from}, in {@code fromDomain}
 * @param localRecipients the brief's recipients on our domain that take this envelope
 * @param wire the envelope as received, padding included; not copied, never modified
 * @param receivedAt when the pipeline accepted it
 */
public record AcceptedEnvelope(String postmarkId, String fromDomain, String senderAddress, List<String> localRecipients,
                               byte[] wire, Instant receivedAt) {
    public AcceptedEnvelope {
        Objects.requireNonNull(postmarkId, "postmarkId");
        Objects.requireNonNull(fromDomain, "fromDomain");
        Objects.requireNonNull(senderAddress, "senderAddress");
        localRecipients = List.copyOf(localRecipients);
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (localRecipients.isEmpty()) {
            throw new IllegalArgumentException("an accepted envelope has a local recipient");
        }
    }

    /** Names the envelope, never its addresses or content. */
    @Override
    public String toString() {
        return "AcceptedEnvelope[" + postmarkId + " from " + fromDomain + ", " + localRecipients.size() + " recipient(s), "
                + wire.length + " bytes]";
    }
}
