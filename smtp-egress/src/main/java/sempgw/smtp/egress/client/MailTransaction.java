package sempgw.smtp.egress.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sempgw.store.queue.DeliveryAgent.ContentSource;

/**
 * Runs one mail transaction on an open session: MAIL, RCPT per recipient, DATA, the content
 * and the final reply or replies, then RSET if the transaction stopped early.
 *
 * <ul>
 *   <li>With PIPELINING, MAIL, every RCPT and DATA go in one write and the replies are read in
 *       order (RFC 2920 §3.1); without it, each command waits for its reply.</li>
 *   <li>A rejected MAIL settles every recipient; a rejected RCPT settles its recipient; a rejected
 *       DATA settles the recipients accepted so far (RFC 5321 §3.3).</li>
 *   <li>354 with no accepted recipient (possible when pipelining): an empty message is ended at
 *       once and the transaction reset (RFC 2920 §3.1).</li>
 *   <li>SMTP: one reply after the data settles every accepted recipient (RFC 5321 §4.1.1.4);
 *       LMTP: one reply per accepted recipient, in RCPT order (RFC 2033 §4.2).</li>
 *   <li>421 means the server is closing (RFC 5321 §3.8): every open recipient gets it and the
 *       session ends.</li>
 *   <li>If reading the queued content fails mid-way, the connection is dropped without the final
 *       dot, so the server discards the partial message (RFC 5321 §4.1.1.4), and all are deferred.</li>
 * </ul>
 */
public final class MailTransaction {

    private static final int COPY_BUFFER = 16 * 1024;

    private final SmtpClientSession session;
    private final RecipientOutcome[] out;
    private boolean replied;
    private boolean closedAtOnce;
    private String stage = "MAIL FROM";

    private MailTransaction(SmtpClientSession session, int recipients) {
        this.session = session;
        this.out = new RecipientOutcome[recipients];
    }

    /**
     * @param recipients the number of recipients in the delivery (the plan's indexes point into it)
     * @param reused whether the session was taken from the pool (enables the stale-session result)
     */
    public static TransactionResult run(SmtpClientSession session, TransactionPlan plan, int recipients, ContentSource content, boolean reused) {
        return new MailTransaction(session, recipients).execute(plan, content, reused);
    }

    private TransactionResult execute(TransactionPlan plan, ContentSource content, boolean reused) {
        plan.refused().forEach((i, reply) -> out[i] = new RecipientOutcome.Refused(reply));
        if (plan.rcpts().isEmpty()) {
            return result(false);
        }
        session.countTransaction();
        InputStream data;
        try {
            data = content.open();
        } catch (IOException e) {
            return interruptAll("4.3.0 cannot read the queued message: " + SessionOpener.describe(e));
        }
        try (data) {
            converse(plan, data);
            return result(reused && closedAtOnce);
        } catch (ContentReadException e) {
            session.markBroken();
            session.close();
            return interruptAll("4.3.0 error reading the queued message: " + SessionOpener.describe(e.content()));
        } catch (IOException e) {
            session.markBroken();
            session.close();
            if (reused && !replied) {
                return result(true);
            }
            String what = e instanceof SocketTimeoutException ? "conversation with " + session.target().describe() + " timed out"
                    : "lost connection with " + session.target().describe();
            String risk = stage.equals("end of DATA") ? "; the message may be delivered twice" : "";
            return interruptAll("4.4.2 " + what + " while sending " + stage + ": " + SessionOpener.describe(e) + risk);
        }
    }

    private void converse(TransactionPlan plan, InputStream data) throws IOException {
        Timeouts t = session.timeouts();
        boolean pipelining = session.capabilities().pipelining();
        session.send(plan.mailCommand());
        if (pipelining) {
            for (TransactionPlan.Rcpt rcpt : plan.rcpts()) {
                session.send(rcpt.command());
            }
            session.send("DATA");
        }
        session.flush(t.command());
        SmtpReply mail = session.read(t.command());
        replied = true;
        if (closing(mail, "MAIL FROM")) {
            closedAtOnce = true;
            return;
        }
        List<Integer> accepted = new ArrayList<>();
        for (TransactionPlan.Rcpt rcpt : plan.rcpts()) {
            stage = "RCPT TO";
            if (!mail.isPositive()) {
                out[rcpt.index()] = new RecipientOutcome.Replied(mail, "MAIL FROM");
                if (pipelining) {
                    session.read(t.command());
                }
                continue;
            }
            SmtpReply reply = pipelining ? session.read(t.command()) : session.command(rcpt.command(), t.command());
            if (closing(reply, "RCPT TO")) {
                return;
            }
            if (reply.isPositive()) {
                accepted.add(rcpt.index());
            } else {
                out[rcpt.index()] = new RecipientOutcome.Replied(reply, "RCPT TO");
            }
        }
        stage = "DATA";
        if (!pipelining && accepted.isEmpty()) {
            session.reset();
            return;
        }
        SmtpReply dataReply = pipelining ? session.read(t.dataInit()) : session.command("DATA", t.dataInit());
        if (dataReply.code() != 354) {
            settle(accepted, dataReply, "DATA");
            if (!closing(dataReply, "DATA")) {
                session.reset();
            }
            return;
        }
        if (accepted.isEmpty()) {
            session.send(".");
            session.flush(t.dataBlock());
            session.read(t.dataDone());
            session.reset();
            return;
        }
        stage = "message body";
        sendContent(data);
        stage = "end of DATA";
        int expected = session.dialect() == Dialect.LMTP ? accepted.size() : 1;
        for (int i = 0; i < expected; i++) {
            SmtpReply done = session.read(t.dataDone());
            if (expected == 1) {
                settle(accepted, done, "end of DATA");
            } else {
                out[accepted.get(i)] = new RecipientOutcome.Replied(done, "end of DATA");
            }
            if (done.code() == 421) {
                session.markBroken();
            }
        }
    }

    private void sendContent(InputStream data) throws IOException {
        DotStuffingOutputStream dot = new DotStuffingOutputStream(session.dataOut(session.timeouts().dataBlock()));
        byte[] buffer = new byte[COPY_BUFFER];
        while (true) {
            int n;
            try {
                n = data.read(buffer);
            } catch (IOException e) {
                throw new ContentReadException(e);
            }
            if (n < 0) {
                break;
            }
            dot.write(buffer, 0, n);
        }
        dot.finish();
        session.flush(session.timeouts().dataBlock());
    }

    /** RFC 5321 §3.8: after 421 the server closes; every open recipient is settled by it. */
    private boolean closing(SmtpReply reply, String command) {
        if (reply.code() != 421) {
            return false;
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = new RecipientOutcome.Replied(reply, command);
            }
        }
        session.markBroken();
        session.close();
        return true;
    }

    private void settle(List<Integer> indexes, SmtpReply reply, String command) {
        for (int i : indexes) {
            out[i] = new RecipientOutcome.Replied(reply, command);
        }
    }

    private TransactionResult interruptAll(String reason) {
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = new RecipientOutcome.Interrupted(reason);
            }
        }
        return result(false);
    }

    private TransactionResult result(boolean stale) {
        if (!stale && Arrays.stream(out).anyMatch(o -> o == null)) {
            return interruptAll("4.3.0 no reply for this recipient");
        }
        return new TransactionResult(stale ? List.of() : Arrays.asList(out), stale);
    }

    /** A failure to read our own queued content, as opposed to a network failure. */
    private static final class ContentReadException extends IOException {
        private final IOException content;

        ContentReadException(IOException cause) {
            super(cause);
            this.content = cause;
        }

        IOException content() {
            return content;
        }
    }
}
