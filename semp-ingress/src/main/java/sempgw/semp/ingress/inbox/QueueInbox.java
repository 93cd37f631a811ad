package sempgw.semp.ingress.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.semp.ingress.LogSafe;
import sempgw.semp.ingress.receive.Inbox;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

/**
 * The durable inbox over the store's {@link MessageQueue}: one queue entry per accepted
 * envelope, committed (fsync'd) before {@link #store} returns, for the mailbox agent to consume.
 *
 * <ul>
 *   <li>sender: {@code brief.from} (SMTPUTF8 when its local part is not ASCII);</li>
 *   <li>recipients: the local recipients, one queue recipient each;</li>
 *   <li>content: the envelope's wire bytes, unchanged;</li>
 *   <li>origin: protocol {@value #PROTOCOL}, HELO name = the verified peer domain, client address
 *   {@code 0.0.0.0}: the pipeline sees a federation session, not a socket, and invents no IP.</li>
 * </ul>
 */
public final class QueueInbox implements Inbox {
    /** {@link Origin#protocol()} of envelopes received over SEMP federation. */
    public static final String PROTOCOL = "SEMP";

    private static final Logger LOG = LoggerFactory.getLogger(QueueInbox.class);
    private static final InetAddress NO_ADDRESS = InetAddress.ofLiteral("0.0.0.0");

    private final MessageQueue queue;

    /** An inbox writing into {@code queue}, which the caller owns and closes. */
    public QueueInbox(MessageQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    @Override
    public void store(AcceptedEnvelope envelope) throws IOException {
        boolean utf8 = !StandardCharsets.US_ASCII.newEncoder().canEncode(envelope.senderAddress());
        Sender sender = new Sender(envelope.senderAddress(), Optional.empty(), Optional.empty(), Sender.BodyType.EIGHT_BIT_MIME, utf8);
        Origin origin = new Origin(NO_ADDRESS, envelope.fromDomain(), PROTOCOL, Optional.empty());
        try (Submission submission = queue.begin(sender, origin)) {
            envelope.localRecipients().forEach(r -> submission.addRecipient(Recipient.of(r)));
            try (OutputStream out = submission.content()) {
                out.write(envelope.wire());
            }
            QueueId id = submission.commit();
            LOG.info("{}: envelope {} from {} queued for {} local recipient(s), {} bytes", id, LogSafe.of(envelope.postmarkId()),
                    LogSafe.of(envelope.fromDomain()), envelope.localRecipients().size(), envelope.wire().length);
        }
    }
}
