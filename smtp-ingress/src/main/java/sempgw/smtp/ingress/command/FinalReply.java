package sempgw.smtp.ingress.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.smtp.ingress.AfterCommit;
import sempgw.smtp.ingress.protocol.SmtpReply;

/**
 * Asks the application's {@link AfterCommit} hook for the final reply to DATA and holds it to
 * the hook's contract. The message is durably queued by then, so every failure of the hook ends
 * in the queued {@code 250}, never in a {@code 4xx} that would make the client send it again
 * (RFC 5321 §6.1):
 * <ol>
 * <li>the hook is interrupted (the ingress is stopping) -> queued 250, logged at info;</li>
 * <li>the hook throws -> queued 250, logged as a warning;</li>
 * <li>the reply fails {@link AfterCommit#acceptable} -> queued 250, logged as an error;</li>
 * <li>otherwise the hook's reply.</li>
 * </ol>
 */
final class FinalReply {
    private static final Logger LOG = LoggerFactory.getLogger(FinalReply.class);

    private final AfterCommit hook;

    FinalReply(AfterCommit hook) {
        this.hook = hook;
    }

    SmtpReply decide(AfterCommit.Committed message) {
        SmtpReply reply;
        try {
            reply = hook.decide(message);
        } catch (InterruptedException e) {
            LOG.info("{}: after-commit hook interrupted by shutdown, replying queued", message.id());
            return message.queued();
        } catch (Exception e) {
            LOG.warn("{}: after-commit hook failed, replying queued: {}", message.id(), e.toString());
            return message.queued();
        }
        if (!AfterCommit.acceptable(reply)) {
            LOG.error("{}: after-commit hook returned an unacceptable reply ({}), replying queued", message.id(), reply);
            return message.queued();
        }
        return reply;
    }
}
