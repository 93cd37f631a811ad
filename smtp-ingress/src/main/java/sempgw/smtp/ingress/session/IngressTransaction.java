package sempgw.smtp.ingress.session;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.subethamail.smtp.MessageHandler;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

/**
 * One mail transaction, from MAIL to the end of DATA or RSET: SubEthaSMTP's per-transaction
 * {@link MessageHandler}, kept for its lifecycle (the session creates it at MAIL and calls
 * {@link #done()} at every reset, at the end of DATA and when the connection ends). The
 * ingress's own MAIL, RCPT and DATA commands fill it; SubEthaSMTP's {@code from},
 * {@code recipient} and {@code data} callbacks belong to its replaced commands and are never
 * called.
 *
 * <p>The queue {@link Submission} is opened only at DATA, so a transaction whose recipients are
 * all refused costs the queue nothing; {@link #done()} aborts it if it was not committed.
 */
public final class IngressTransaction implements MessageHandler {
    private Sender sender;
    private final Map<String, Recipient> recipients = new LinkedHashMap<>();
    private Submission submission;

    public void begin(Sender sender) {
        this.sender = sender;
    }

    public Sender sender() {
        return sender;
    }

    /** True if a recipient with this key was already accepted: duplicates collapse into the first. */
    public boolean hasRecipient(String key) {
        return recipients.containsKey(key);
    }

    public void addRecipient(String key, Recipient recipient) {
        recipients.putIfAbsent(key, recipient);
    }

    public List<Recipient> recipients() {
        return new ArrayList<>(recipients.values());
    }

    public int recipientCount() {
        return recipients.size();
    }

    /** The one recipient, if there is exactly one (for the trace header). */
    public Optional<String> singleRecipient() {
        return recipients.size() == 1 ? Optional.of(recipients.values().iterator().next().address()) : Optional.empty();
    }

    /** Opens the queue submission with the envelope collected so far. */
    public Submission open(MessageQueue queue, Origin origin) {
        submission = queue.begin(sender, origin);
        for (Recipient r : recipients.values()) {
            submission.addRecipient(r);
        }
        return submission;
    }

    @Override
    public void from(String from) {
        throw new IllegalStateException("unreachable: MAIL is handled by the ingress MailCommand");
    }

    @Override
    public void recipient(String recipient) {
        throw new IllegalStateException("unreachable: RCPT is handled by the ingress RcptCommand");
    }

    @Override
    public String data(InputStream data) {
        throw new IllegalStateException("unreachable: DATA is handled by the ingress DataCommand");
    }

    @Override
    public void done() {
        if (submission != null) {
            submission.abort();
            submission = null;
        }
    }
}
