package sempgw.semp.ingress.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.brief.Brief;

/**
 * An envelope the receive pipeline accepted, handed to the inbox with what the pipeline already
 * established, so that nothing downstream decodes or decrypts it again: the envelope decoded once,
 * the brief the pipeline opened with our domain key and checked (ENVELOPE.md §7.2 steps 5-7), and
 * the wire bytes unchanged for storing (ENVELOPE.md §9.1: no signed field modified).
 *
 * @param envelope the typed view of {@code wire}, as the pipeline decoded and verified it
 * @param brief the brief the pipeline decrypted and accepted; {@code brief.from} is in
 *     {@code postmark.from_domain}; for an in-process custodial client only (semp-core
 *     {@code EnvelopeOpener.openWithServerBrief})
 * @param localRecipients the brief's recipients on our domain that take this envelope
 * @param wire the envelope as received, padding included; not copied, never modified
 * @param receivedAt when the pipeline accepted it
 */
public record AcceptedEnvelope(Envelope envelope, Brief brief, List<String> localRecipients, byte[] wire, Instant receivedAt) {
    public AcceptedEnvelope {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(brief, "brief");
        localRecipients = List.copyOf(localRecipients);
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (localRecipients.isEmpty()) {
            throw new IllegalArgumentException("an accepted envelope has a local recipient");
        }
    }

    /** {@code postmark.id}. */
    public String postmarkId() {
        return envelope.postmark().id();
    }

    /** {@code postmark.from_domain}, verified by the seal and the session. */
    public String fromDomain() {
        return envelope.postmark().fromDomain();
    }

    /** {@code brief.from}, in {@link #fromDomain()}. */
    public String senderAddress() {
        return brief.from();
    }

    /** The same envelope for {@code recipients} only, a subset of {@link #localRecipients()}. */
    public AcceptedEnvelope forRecipients(List<String> recipients) {
        if (!localRecipients.containsAll(recipients)) {
            throw new IllegalArgumentException("not a subset of the envelope's local recipients");
        }
        return new AcceptedEnvelope(envelope, brief, recipients, wire, receivedAt);
    }

    /** Names the envelope, never its addresses or content. */
    @Override
    public String toString() {
        return "AcceptedEnvelope[" + postmarkId() + " from " + fromDomain() + ", " + localRecipients.size() + " recipient(s), "
                + wire.length + " bytes]";
    }
}
