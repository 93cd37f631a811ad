package sempgw.core.envelope.brief;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.json.JsonObject;

/**
 * The brief: the inner private header, encrypted under {@code K_brief} and readable by the
 * recipient server and client (ENVELOPE.md §5). It answers who and when; subject and content live
 * in the enclosure.
 *
 * @param messageId the persistent global message id (§5.4)
 * @param from the sender's canonical address (§2.3)
 * @param to primary recipients
 * @param cc carbon-copy recipients
 * @param bcc blind copies: on the wire only ever the one recipient of that copy (§5.3)
 * @param replyTo where replies go, if not {@code from}
 * @param sentAt creation time at the sender
 * @param threadId conversation id
 * @param groupId group or list id
 * @param inReplyTo {@code message_id} of the parent
 * @param extensions private metadata extensions (§8)
 */
public record Brief(String messageId, String from, List<String> to, List<String> cc, List<String> bcc,
                    Optional<String> replyTo, Instant sentAt, Optional<String> threadId, Optional<String> groupId,
                    Optional<String> inReplyTo, JsonObject extensions) {

    /**
     * Empty optional strings are normalized to absent: semp-go omits them (omitempty), so an
     * explicit {@code ""} could never round-trip.
     */
    public Brief {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        replyTo = nonEmpty(replyTo);
        Objects.requireNonNull(sentAt, "sentAt");
        threadId = nonEmpty(threadId);
        groupId = nonEmpty(groupId);
        inReplyTo = nonEmpty(inReplyTo);
        Objects.requireNonNull(extensions, "extensions");
    }

    /** A brief with the required fields only. */
    public static Brief of(String messageId, String from, List<String> to, Instant sentAt) {
        return new Brief(messageId, from, to, List.of(), List.of(), Optional.empty(), sentAt,
                Optional.empty(), Optional.empty(), Optional.empty(), JsonObject.EMPTY);
    }

    /** This brief with other Bcc recipients (ENVELOPE.md §5.3 per-copy Bcc). */
    public Brief withBcc(List<String> newBcc) {
        return new Brief(messageId, from, to, cc, newBcc, replyTo, sentAt, threadId, groupId, inReplyTo, extensions);
    }

    /** Every recipient address: to, cc, then bcc. */
    public List<String> allRecipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }

    /** Shows the message id only: addresses are private. */
    @Override
    public String toString() {
        return "Brief[" + messageId + "]";
    }

    private static Optional<String> nonEmpty(Optional<String> s) {
        return Objects.requireNonNull(s, "optional").filter(v -> !v.isEmpty());
    }
}
