package sempgw.smtp.egress.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One open SMTP or LMTP client connection, past greeting, EHLO/LHLO, STARTTLS and AUTH
 * (see {@link SessionOpener}), ready for mail transactions. Not thread-safe: one delivery
 * owns it at a time, then hands it back to the pool or closes it.
 */
public final class SmtpClientSession implements AutoCloseable {

    private final Target target;
    private final Dialect dialect;
    private Wire wire;
    private ReplyReader reader;
    private Capabilities capabilities;
    private final Timeouts timeouts;
    private final Instant openedAt;
    private int transactions;
    private boolean broken;

    SmtpClientSession(Target target, Dialect dialect, Wire wire, Timeouts timeouts, Instant openedAt) {
        this.target = Objects.requireNonNull(target);
        this.dialect = Objects.requireNonNull(dialect);
        this.wire = Objects.requireNonNull(wire);
        this.reader = new ReplyReader(wire.in());
        this.capabilities = Capabilities.none();
        this.timeouts = Objects.requireNonNull(timeouts);
        this.openedAt = Objects.requireNonNull(openedAt);
    }

    public Target target() {
        return target;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    void capabilities(Capabilities announced) {
        capabilities = Objects.requireNonNull(announced);
    }

    Wire wire() {
        return wire;
    }

    /** True when the server sent octets we have not asked for yet. */
    boolean unsolicitedInput() {
        return reader.hasBufferedInput();
    }

    /** Continues over a TLS wire: earlier knowledge of the server is discarded (RFC 3207 §4.2). */
    void secure(Wire tlsWire) {
        wire = tlsWire;
        reader = new ReplyReader(tlsWire.in());
        capabilities = Capabilities.none();
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public boolean tlsActive() {
        return wire.tls().isPresent();
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** Mail transactions started on this session so far. */
    public int transactions() {
        return transactions;
    }

    void countTransaction() {
        transactions++;
    }

    /** False once an I/O error, a 421 or a protocol violation made the session unusable. */
    public boolean usable() {
        return !broken;
    }

    void markBroken() {
        broken = true;
    }

    /** Buffers one command line; nothing is sent before {@link #flush()}. */
    void send(String commandLine) throws IOException {
        wire.out().write((commandLine + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void flush(Duration timeout) throws IOException {
        wire.limit(timeout);
        wire.out().flush();
    }

    SmtpReply read(Duration timeout) throws IOException {
        wire.limit(timeout);
        return reader.read();
    }

    /** Sends one command and waits for its reply. */
    SmtpReply command(String commandLine, Duration timeout) throws IOException {
        send(commandLine);
        flush(timeout);
        return read(timeout);
    }

    /** The buffered stream for message data; the caller dot-stuffs (RFC 5321 §4.5.2). */
    OutputStream dataOut(Duration blockTimeout) {
        wire.limit(blockTimeout);
        return wire.out();
    }

    /** RFC 5321 §4.1.1.5: abandons a transaction. Returns false and breaks the session if RSET fails. */
    public boolean reset() {
        try {
            SmtpReply reply = command("RSET", timeouts.command());
            if (!reply.isPositive()) {
                broken = true;
            }
        } catch (IOException e) {
            broken = true;
        }
        return !broken;
    }

    /** Sends QUIT (RFC 5321 §4.1.1.10) without waiting long for the reply, then closes. */
    @Override
    public void close() {
        if (!broken) {
            try {
                command("QUIT", Duration.ofSeconds(2));
            } catch (IOException ignored) {
                // the server may already be gone; closing is what matters
            }
        }
        broken = true;
        wire.close();
    }

    @Override
    public String toString() {
        return dialect + " session to " + target.describe() + (tlsActive() ? " (TLS)" : "");
    }
}
