package sempgw.smtp.ingress.command;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.AfterCommit;
import sempgw.smtp.ingress.SmtpIngressConfig;
import sempgw.smtp.ingress.data.HeaderFieldFilter;
import sempgw.smtp.ingress.data.MessageLimits;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.protocol.SmtpReply;
import sempgw.smtp.ingress.session.ClientInput;
import sempgw.smtp.ingress.session.ClientSocket;
import sempgw.smtp.ingress.session.DataOutcome;
import sempgw.smtp.ingress.session.DataReceiver;
import sempgw.smtp.ingress.session.IngressTransaction;
import sempgw.smtp.ingress.session.OwedReplies;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Sender.BodyType;
import sempgw.store.queue.Submission;

/**
 * DATA (RFC 5321 §4.1.1.4), the durable accept. Steps, in order:
 * <ol>
 * <li>a transaction with at least one accepted recipient -> 503 / 554 5.5.1;</li>
 * <li>open the queue submission and write the {@code Received:} header; failure -> 451 4.3.0
 *     before 354, so the client sends nothing in vain;</li>
 * <li>354, then stream the content into the submission ({@link DataReceiver}) under the data
 *     deadline, through the {@link HeaderFieldFilter} that removes forged header fields
 *     (GATEWAY.md §3 flow 4); a stall or a trickle -> 421 4.4.2 and close;</li>
 * <li>a broken limit -> its 5xx after the final dot; a write failure -> 451 4.3.0;</li>
 * <li>{@link Submission#commit()}, which returns after fsync; a commit failure -> 451 4.3.0, the
 *     client keeps the message;</li>
 * <li>only then the final reply, which the {@link AfterCommit} hook decides
 *     ({@link FinalReply}): by default {@code 250 2.0.0 Ok: queued as <id>} (RFC 5321 §4.1.1.4
 *     and §6.1: once 250 is sent the message is our responsibility); a 421 from the hook also
 *     closes the connection (RFC 5321 §3.8).</li>
 * </ol>
 * Whatever happens the transaction ends, and an uncommitted submission is aborted. Between the
 * commit and the reply the reply is owed ({@link OwedReplies}), so stopping lets it go out first.
 */
final class DataCommand extends IngressCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DataCommand.class);

    private final MessageQueue queue;
    private final MessageLimits limits;
    private final Set<String> strippedFields;
    private final String hostname;
    private final Duration dataTimeout;
    private final int minDataRate;
    private final FinalReply finalReply;
    private final OwedReplies owed;
    private final Clock clock;

    DataCommand(SmtpIngressConfig config, MessageQueue queue, OwedReplies owed, Clock clock) {
        super("DATA");
        this.queue = queue;
        this.limits = config.limits();
        this.strippedFields = config.stripHeaderFields();
        this.hostname = config.hostname();
        this.dataTimeout = config.dataTimeout();
        this.minDataRate = config.minDataRate();
        this.finalReply = new FinalReply(config.afterCommit());
        this.owed = owed;
        this.clock = clock;
    }

    @Override
    public void execute(String commandLine, Session session) throws IOException, DropConnectionException {
        if (!argument(commandLine).isBlank()) {
            reply(session, Replies.syntax("DATA"));
        } else if (!session.isMailTransactionInProgress()) {
            reply(session, Replies.NEED_MAIL);
        } else if (transaction(session).recipientCount() == 0) {
            reply(session, Replies.NO_VALID_RECIPIENTS);
        } else {
            try {
                Optional<SmtpReply> reply = receive(session, transaction(session));
                if (reply.isPresent()) {
                    reply(session, reply.get());
                }
            } finally {
                session.resetMailTransaction();
            }
        }
    }

    /** The reply for the client; empty when there is none to send (the client is gone, or it was sent). */
    private Optional<SmtpReply> receive(Session session, IngressTransaction tx) throws IOException, DropConnectionException {
        String traceId = Trace.newTraceId();
        Submission submission;
        HeaderFieldFilter content;
        try {
            submission = tx.open(queue, Trace.origin(session));
            OutputStream queued = submission.content();
            queued.write(Trace.receivedHeader(session, tx, hostname, traceId, clock));
            content = new HeaderFieldFilter(queued, strippedFields);
        } catch (IOException | RuntimeException e) {
            LOG.warn("trace={}: cannot open queue submission: {}", traceId, e.toString());
            return Optional.of(Replies.QUEUE_WRITE_FAILED);
        }
        reply(session, Replies.START_DATA);
        DataOutcome outcome = transfer(session, content, traceId);
        return switch (outcome) {
            case DataOutcome.Received received -> commit(session, tx, submission, content, received, traceId);
            case DataOutcome.Refused refused -> {
                LOG.info("trace={}: refused from {}: {}", traceId, client(session), refused.violation());
                yield Optional.of(refused.violation().reply());
            }
            case DataOutcome.WriteFailed failed -> {
                LOG.warn("trace={}: queue write failed: {}", traceId, failed.cause().toString());
                yield Optional.of(Replies.QUEUE_WRITE_FAILED);
            }
            case DataOutcome.ClientGone gone -> {
                LOG.info("trace={}: lost connection with {} during DATA", traceId, client(session));
                yield Optional.empty();
            }
        };
    }

    private DataOutcome transfer(Session session, OutputStream content, String traceId) throws DropConnectionException {
        ClientInput input = ClientSocket.of(session).input();
        try {
            return DataReceiver.receive(input, content, limits, dataTimeout, minDataRate);
        } catch (SocketTimeoutException e) {
            LOG.info("trace={}: data timeout from {}", traceId, client(session));
            input.end();
            throw drop(Replies.timeout(hostname));
        }
    }

    private Optional<SmtpReply> commit(Session session, IngressTransaction tx, Submission submission, HeaderFieldFilter content,
            DataOutcome.Received received, String traceId) throws IOException, DropConnectionException {
        QueueId id;
        try {
            content.close();
            id = submission.commit();
        } catch (IOException | RuntimeException e) {
            LOG.warn("trace={}: queue commit failed: {}", traceId, e.toString());
            return Optional.of(Replies.QUEUE_WRITE_FAILED);
        }
        owed.committed();
        try {
            SmtpReply reply = finalReply.decide(new AfterCommit.Committed(id, tx.sender(), tx.recipients()));
            owed.decided();
            logQueued(session, tx, id, received, content.removed(), reply, traceId);
            if (reply.code() == 421) {
                throw drop(reply);
            }
            reply(session, reply);
            return Optional.empty();
        } finally {
            owed.replied();
        }
    }

    private static void logQueued(Session session, IngressTransaction tx, QueueId id, DataOutcome.Received received, int stripped,
            SmtpReply reply, String traceId) {
        boolean undeclared8bit = received.eightBit() && tx.sender().body() != BodyType.EIGHT_BIT_MIME;
        LOG.info("{}: queued trace={} client={} proto={} user={} size={} nrcpt={}{}{}{}", id, traceId, client(session),
                Trace.protocol(session, tx.sender().smtpUtf8()), Trace.user(session).orElse("-"), received.size(),
                tx.recipientCount(), undeclared8bit ? " 8bit=undeclared" : "", stripped > 0 ? " stripped=" + stripped : "",
                reply.code() != 250 ? " reply=" + reply.code() + " dsn=" + reply.enhanced() : "");
    }

    private static String client(Session session) {
        return "[" + session.getRemoteAddress().getAddress().getHostAddress() + "]";
    }
}
