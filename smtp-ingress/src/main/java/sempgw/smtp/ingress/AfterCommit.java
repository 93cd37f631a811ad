package sempgw.smtp.ingress;

import java.util.List;
import java.util.Objects;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.protocol.SmtpReply;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

/**
 * Decides the final reply to DATA once the message is durably queued: the application's seam
 * between the commit (fsync) and the reply (GATEWAY.md §3 flow 1, where the gateway waits for
 * the first SEMP attempt). The default, {@link #QUEUED}, replies {@code 250 2.0.0 Ok: queued as
 * <id>}.
 *
 * <p>It runs on the session's thread and may block: the session holds no lock and no shared
 * resource meanwhile, other sessions go on, and the client's next command deadline starts only
 * once the reply is sent. The application bounds the wait. When the ingress stops, the thread is
 * interrupted; the hook then ends promptly, with its reply or by throwing.
 *
 * <p>The contract, since the message is already queued when the hook runs:
 * <ul>
 * <li>a {@code 250} with a {@code 2.x.x} code (any text): the message is the queue's, as usual;</li>
 * <li>a {@code 4xx} or {@code 5xx} that {@link #acceptable} accepts: the client gets it, and the
 *     application has already dealt with the queued copy (delivered it, refused it, removed it).
 *     A {@code 421} also closes the connection (RFC 5321 §3.8);</li>
 * <li>an exception, or any other reply: logged, and the client gets the queued {@code 250}. A
 *     {@code 4xx} for a message that stays queued would make the client send it again (RFC 5321
 *     §6.1). So the application may touch the queued copy only when it returns an acceptable
 *     {@code 4xx} or {@code 5xx}.</li>
 * </ul>
 */
@FunctionalInterface
public interface AfterCommit {

    /** Replies the queued {@code 250} unchanged. */
    AfterCommit QUEUED = Committed::queued;

    /** Longest reply line, CRLF included (RFC 5321 §4.5.3.1.5). */
    int MAX_REPLY_LINE = 512;

    /**
     * @return the final reply to DATA, which the ingress checks with {@link #acceptable}
     * @throws InterruptedException when interrupted because the ingress is stopping
     */
    SmtpReply decide(Committed message) throws InterruptedException;

    /**
     * True if {@code reply} can end a DATA command whose message was committed: {@code 250}
     * (RFC 5321 §4.3.2), or a {@code 4xx} or {@code 5xx}; always with an enhanced status code of
     * the same class (RFC 2034 §3, as ENHANCEDSTATUSCODES is advertised) and a text of printable
     * US-ASCII (RFC 5321 §4.2.1 textstring) that keeps the line within {@value #MAX_REPLY_LINE}
     * octets.
     */
    static boolean acceptable(SmtpReply reply) {
        if (reply == null || reply.enhanced().isEmpty()) {
            return false;
        }
        boolean code = reply.code() == 250 || reply.code() >= 400 && reply.code() <= 599;
        boolean text = reply.text().chars().allMatch(c -> c == '\t' || c >= 32 && c <= 126);
        return code && text && reply.line().length() + 2 <= MAX_REPLY_LINE;
    }

    /**
     * A message the queue has made durable.
     *
     * @param id its queue id
     * @param sender the transaction's MAIL FROM
     * @param recipients the accepted recipients, in RCPT order, duplicates collapsed
     */
    record Committed(QueueId id, Sender sender, List<Recipient> recipients) {
        public Committed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sender, "sender");
            recipients = List.copyOf(recipients);
        }

        /** The usual reply, {@code 250 2.0.0 Ok: queued as <id>}. */
        public SmtpReply queued() {
            return Replies.queued(id.value());
        }
    }
}
