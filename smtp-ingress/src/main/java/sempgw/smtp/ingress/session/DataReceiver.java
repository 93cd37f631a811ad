package sempgw.smtp.ingress.session;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import sempgw.smtp.ingress.data.ContentScanner;
import sempgw.smtp.ingress.data.DataViolation;
import sempgw.smtp.ingress.data.DotStuffedDecoder;
import sempgw.smtp.ingress.data.MessageLimits;

/**
 * Moves one message from the client to the queue: chunks of up to 64 KiB go from the
 * connection's buffer through the {@link DotStuffedDecoder} and the {@link ContentScanner}
 * straight into the submission's stream (through whatever filter the caller puts in front of it),
 * with no copy of the body in memory. Once a limit is
 * broken or a write fails nothing more is written, but the data is still read to its end so
 * the session can go on (RFC 1870 §6.3: the server must consume the data before replying).
 *
 * <p>The data timeout is a deadline that received data pushes back by
 * {@code octets / minDataRate} seconds, never further than the timeout from now (Postfix's
 * {@code smtpd_min_data_rate}): a client that keeps the rate never times out, one that trickles
 * a few octets at a time does, after about the data timeout.
 */
public final class DataReceiver implements DotStuffedDecoder.Sink {
    private final OutputStream content;
    private final ContentScanner scanner;
    private DataViolation violation;
    private IOException writeFailure;

    private DataReceiver(OutputStream content, MessageLimits limits) {
        this.content = content;
        this.scanner = new ContentScanner(limits);
    }

    /**
     * @param minDataRate octets per second that keep the deadline from coming closer
     * @throws SocketTimeoutException when the deadline passes
     */
    public static DataOutcome receive(ClientInput input, OutputStream content, MessageLimits limits, Duration timeout,
            int minDataRate) throws SocketTimeoutException {
        DataReceiver receiver = new DataReceiver(content, limits);
        DotStuffedDecoder decoder = new DotStuffedDecoder();
        long deadline = ClientInput.deadlineIn(timeout);
        try {
            while (!decoder.ended()) {
                if (input.available() == 0) {
                    if (!input.fill(deadline)) {
                        return new DataOutcome.ClientGone();
                    }
                    long earned = input.available() * 1_000_000_000L / minDataRate;
                    deadline = Math.min(ClientInput.deadlineIn(timeout), deadline + earned);
                }
                input.consume(decoder.decode(input.buffer(), input.position(), input.available(), receiver));
                if (decoder.sawBareCr() && receiver.violation == null) {
                    receiver.violation = DataViolation.BARE_CR;
                }
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            input.end();
            return new DataOutcome.ClientGone();
        }
        return receiver.outcome();
    }

    @Override
    public void content(byte[] buffer, int offset, int length) {
        if (violation != null || writeFailure != null) {
            return;
        }
        Optional<DataViolation> v = scanner.scan(buffer, offset, length);
        if (v.isPresent()) {
            violation = v.get();
            return;
        }
        try {
            content.write(buffer, offset, length);
        } catch (IOException e) {
            writeFailure = e;
        } catch (RuntimeException e) {
            writeFailure = new IOException("queue write failed", e);
        }
    }

    private DataOutcome outcome() {
        if (violation != null) {
            return new DataOutcome.Refused(violation);
        }
        if (writeFailure != null) {
            return new DataOutcome.WriteFailed(writeFailure);
        }
        return new DataOutcome.Received(scanner.size(), scanner.eightBit());
    }
}
