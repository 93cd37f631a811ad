package sempgw.e2e.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/** The server side of one sink connection: commands in, replies out, each complete message handed to {@code record}. */
final class SinkSession {
    static final int MAX_LINE = 64 * 1024;
    static final long MAX_MESSAGE = 128L * 1024 * 1024;
    private final InputStream in;
    private final OutputStream out;
    private final BooleanSupplier refusing;
    private final ToIntFunction<SinkMessage> record;
    private String sender;
    private List<String> parameters = List.of();
    private final List<String> recipients = new ArrayList<>();

    SinkSession(InputStream in, OutputStream out, BooleanSupplier refusing, ToIntFunction<SinkMessage> record) {
        this.in = in;
        this.out = out;
        this.refusing = refusing;
        this.record = record;
    }

    /** Handles one command line; false once the client said QUIT. */
    boolean handle(String line) throws IOException {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        switch (verb) {
            case "EHLO" -> reply("250-sink.e2e.sempgw.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n"
                    + "250-SIZE " + MAX_MESSAGE + "\r\n250-DSN\r\n250 ENHANCEDSTATUSCODES");
            case "HELO" -> reply("250 sink.e2e.sempgw.test");
            case "MAIL" -> mail(line);
            case "RCPT" -> rcpt(line);
            case "DATA" -> data();
            case "RSET" -> {
                reset();
                reply("250 2.0.0 Ok");
            }
            case "NOOP" -> reply("250 2.0.0 Ok");
            case "QUIT" -> {
                reply("221 2.0.0 Bye");
                return false;
            }
            default -> reply("502 5.5.2 Command not recognized");
        }
        return true;
    }

    void reply(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write(SmtpLines.CRLF);
        out.flush();
    }

    private void mail(String line) throws IOException {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        if (!line.toUpperCase(Locale.ROOT).startsWith("MAIL FROM:") || open < 0 || close < 0) {
            reply("501 5.5.4 Syntax: MAIL FROM:<address>");
            return;
        }
        reset();
        sender = line.substring(open + 1, close);
        String rest = line.substring(close + 1).strip();
        parameters = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
        reply("250 2.1.0 Ok");
    }

    private void rcpt(String line) throws IOException {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        if (sender == null) {
            reply("503 5.5.1 MAIL first");
        } else if (!line.toUpperCase(Locale.ROOT).startsWith("RCPT TO:") || open < 0 || close < 0) {
            reply("501 5.5.4 Syntax: RCPT TO:<address>");
        } else {
            recipients.add(line.substring(open + 1, close));
            reply("250 2.1.5 Ok");
        }
    }

    /** Reads the content up to the lone dot, undoing dot-stuffing (RFC 5321 §4.5.2). */
    private void data() throws IOException {
        if (sender == null || recipients.isEmpty()) {
            reply("503 5.5.1 MAIL and RCPT first");
            return;
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        ByteArrayOutputStream content = new ByteArrayOutputStream(8192);
        byte[] raw;
        while ((raw = SmtpLines.readLine(in, MAX_LINE)) != null) {
            if (raw.length == 3 && raw[0] == '.' && raw[1] == '\r' || raw.length == 2 && raw[0] == '.') {
                if (refusing.getAsBoolean()) {
                    reset();
                    reply("451 4.3.0 Sink refusing mail for now, try again later");
                    return;
                }
                int n = record.applyAsInt(new SinkMessage(sender, parameters, recipients, content.toByteArray(), Instant.now()));
                reset();
                reply("250 2.0.0 Ok: queued as " + n);
                return;
            }
            int skip = raw.length > 0 && raw[0] == '.' ? 1 : 0;
            content.write(raw, skip, raw.length - skip);
            if (content.size() > MAX_MESSAGE) {
                throw new IOException("message larger than " + MAX_MESSAGE);
            }
        }
    }

    private void reset() {
        sender = null;
        parameters = List.of();
        recipients.clear();
    }
}
