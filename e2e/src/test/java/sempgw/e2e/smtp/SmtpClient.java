package sempgw.e2e.smtp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A small SMTP client for injecting test messages over loopback (RFC 5321): one command at a
 * time, no TLS. It sends {@code BODY=8BITMIME} (RFC 6152) and {@code SMTPUTF8} (RFC 6531) when
 * the envelope asks for them, and refuses to send them to a server that did not announce them.
 */
public final class SmtpClient implements AutoCloseable {
    private static final int MAX_LINE = 4096;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Set<String> extensions = new HashSet<>();

    private SmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /** Connects to 127.0.0.1:port, reads the greeting and says EHLO. */
    public static SmtpClient connect(int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SmtpClient client = new SmtpClient(socket);
            client.expect(client.readReply(), 220, "greeting");
            client.ehlo();
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void ehlo() throws IOException {
        command("EHLO client.e2e.sempgw.test");
        StringBuilder all = new StringBuilder();
        SmtpReply reply = readReply(all);
        expect(reply, 250, "EHLO");
        all.toString().lines().skip(1).forEach(l -> extensions.add(l.substring(4).split(" ")[0].toUpperCase(Locale.ROOT)));
    }

    public boolean supports(String extension) {
        return extensions.contains(extension.toUpperCase(Locale.ROOT));
    }

    /**
     * Sends one message. Returns the first negative reply (after which the transaction is
     * reset) or the reply to the end of data.
     */
    public SmtpReply send(Envelope envelope, byte[] content) throws IOException {
        return transact(envelope, content).reply();
    }

    /** Where a transaction ended: {@code MAIL}, {@code RCPT}, {@code DATA} (the 354 step) or {@code end of data}. */
    public record Outcome(String stage, SmtpReply reply) {
        @Override
        public String toString() {
            return reply + " (" + stage + ")";
        }
    }

    /** Sends one message, as {@link #send}, and says at which step the final reply came. */
    public Outcome transact(Envelope envelope, byte[] content) throws IOException {
        StringBuilder mail = new StringBuilder("MAIL FROM:<").append(envelope.sender()).append('>');
        if (envelope.eightBit()) {
            requireExtension("8BITMIME");
            mail.append(" BODY=8BITMIME");
        }
        if (envelope.smtpUtf8()) {
            requireExtension("SMTPUTF8");
            mail.append(" SMTPUTF8");
        }
        if (supports("SIZE")) {
            mail.append(" SIZE=").append(content.length);
        }
        command(mail.toString());
        SmtpReply reply = readReply();
        if (!reply.positive()) {
            return new Outcome("MAIL", reset(reply));
        }
        int accepted = 0;
        SmtpReply firstRefusal = null;
        for (String rcpt : envelope.recipients()) {
            command("RCPT TO:<" + rcpt + ">");
            reply = readReply();
            if (reply.positive()) {
                accepted++;
            } else if (firstRefusal == null) {
                firstRefusal = reply;
            }
        }
        if (firstRefusal != null || accepted == 0) {
            return new Outcome("RCPT", reset(firstRefusal));
        }
        command("DATA");
        reply = readReply();
        if (reply.code() != 354) {
            return new Outcome("DATA", reset(reply));
        }
        SmtpLines.writeDotStuffed(content, out);
        out.flush();
        return new Outcome("end of data", readReply());
    }

    private SmtpReply reset(SmtpReply refusal) throws IOException {
        command("RSET");
        readReply();
        return refusal;
    }

    private void requireExtension(String name) {
        if (!supports(name)) {
            throw new IllegalStateException("the server does not announce " + name + "; announced: " + extensions);
        }
    }

    private void command(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write(SmtpLines.CRLF);
        out.flush();
    }

    private SmtpReply readReply() throws IOException {
        return readReply(new StringBuilder());
    }

    private SmtpReply readReply(StringBuilder all) throws IOException {
        while (true) {
            byte[] raw = SmtpLines.readLine(in, MAX_LINE);
            if (raw == null) {
                throw new ProtocolException("connection closed while waiting for a reply");
            }
            String line = new String(SmtpLines.strip(raw), StandardCharsets.UTF_8);
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new ProtocolException("not an SMTP reply: " + line);
            }
            all.append(line).append('\n');
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new SmtpReply(Integer.parseInt(line.substring(0, 3)), line.length() > 4 ? line.substring(4) : "");
            }
        }
    }

    private static void expect(SmtpReply reply, int code, String what) throws ProtocolException {
        if (reply.code() != code) {
            throw new ProtocolException("unexpected reply to " + what + ": " + reply);
        }
    }

    /** Says QUIT (best effort) and closes the connection. */
    @Override
    public void close() {
        try {
            command("QUIT");
            readReply();
        } catch (IOException | RuntimeException ignored) {
            // the connection is being dropped anyway
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
