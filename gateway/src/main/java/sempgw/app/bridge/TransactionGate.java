package sempgw.app.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.bridge.FirstAttempts.Mark;
import sempgw.policy.Outcomes;
import sempgw.policy.ReplyText;
import sempgw.policy.SmtpStatus;
import sempgw.smtp.ingress.AfterCommit;
import sempgw.smtp.ingress.protocol.SmtpReply;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.RecipientState;

/**
 * The reply to DATA once the message is durably queued (GATEWAY.md §5): the SMTP client waits at
 * most {@code bridge.attempt_timeout} for the first attempt of every recipient
 * ({@link FirstAttempts}).
 * <ul>
 *   <li>every recipient refused (a terminal SEMP rejection, or a policy that forbids sending in
 *   clear) -> the first refusal as a {@code 5xx} naming its reason, and no DSN: the client now
 *   owns the failure (RFC 5321 §4.2.5: "the SMTP client retains responsibility");</li>
 *   <li>every recipient delivered by SEMP -> {@code 250}, saying so;</li>
 *   <li>anything else (SMTP recipients, a deferral, {@code silent}, the bound running out) ->
 *   the usual {@code 250 queued}; the queue retries, and a later failure becomes a DSN.</li>
 * </ul>
 * A {@code 5xx} is said only once the refusal is recorded in the queue, so a crash in between
 * leaves a message the client retries, never one that is both refused and delivered.
 */
public final class TransactionGate implements AfterCommit {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionGate.class);
    private static final Duration RECORDED_WAIT = Duration.ofSeconds(5);
    private static final Pattern REPLY = Pattern.compile("(\\d{3}) (\\d\\.\\d{1,3}\\.\\d{1,3}) (.*)", Pattern.DOTALL);

    private final FirstAttempts attempts;
    private final MessageQueue queue;
    private final Duration bound;

    public TransactionGate(FirstAttempts attempts, MessageQueue queue, Duration bound) {
        this.attempts = attempts;
        this.queue = queue;
        this.bound = bound;
    }

    /** The final reply; interrupted (the listener is stopping), the usual 250: the message stays queued. */
    @Override
    public SmtpReply decide(Committed message) {
        QueueId id = message.id();
        SmtpReply queued = message.queued();
        try {
            List<Mark> marks = bound.isZero() ? List.of() : attempts.await(id, bound);
            boolean complete = marks.size() == message.recipients().size();
            if (complete && marks.stream().allMatch(TransactionGate::refused)) {
                attempts.settle(id, true);
                return refusal(id, marks);
            }
            attempts.settle(id, false);
            if (complete && marks.stream().allMatch(m -> FirstAttempts.result(m).orElse(null) instanceof DeliveryResult.Delivered)) {
                return SmtpReply.of(250, "2.0.0", "Ok: delivered by SEMP, queued as " + id.value());
            }
            return queued;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempts.settle(id, false);
            return queued;
        }
    }

    private SmtpReply refusal(QueueId id, List<Mark> marks) throws InterruptedException {
        if (!recorded(id)) {
            LOG.warn("{}: refusal not recorded within {} s; answering 451 so the client tries again", id, RECORDED_WAIT.toSeconds());
            return SmtpReply.of(451, "4.3.0", "Try again later");
        }
        DeliveryResult.Failed first = (DeliveryResult.Failed) FirstAttempts.result(marks.getFirst()).orElseThrow();
        SmtpStatus status = status(first);
        LOG.info("{}: refused at DATA, every recipient failed: {}", id, status);
        return SmtpReply.of(status.code(), status.enhanced(), status.text());
    }

    /**
     * The SMTP form of a failure: its reason code and detail through {@link Outcomes} (the reply
     * text, written for people, is not read); a local refusal, an SMTP reply, as written; anything
     * else {@code unknown}.
     */
    static SmtpStatus status(DeliveryResult.Failed failed) {
        if (failed.reason().isPresent()) {
            DeliveryResult.Reason reason = failed.reason().get();
            return Outcomes.reply(reason.code(), reason.detail());
        }
        Matcher m = REPLY.matcher(failed.reply());
        if (m.matches() && m.group(1).charAt(0) == '5' && m.group(2).charAt(0) == '5') {
            return new SmtpStatus(Integer.parseInt(m.group(1)), m.group(2), ReplyText.sanitize(m.group(3)));
        }
        return Outcomes.reply("unknown", failed.reply());
    }

    private static boolean refused(Mark m) {
        return FirstAttempts.result(m).orElse(null) instanceof DeliveryResult.Failed;
    }

    /** Waits until the queue holds no pending recipient of {@code id} (the recorder bounced them all). */
    private boolean recorded(QueueId id) throws InterruptedException {
        long deadline = System.nanoTime() + RECORDED_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<QueueEntry> entry = queue.find(id);
            if (entry.isEmpty() || entry.get().recipients().stream().noneMatch(r -> r.state() == RecipientState.QUEUED
                    || r.state() == RecipientState.DEFERRED)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
