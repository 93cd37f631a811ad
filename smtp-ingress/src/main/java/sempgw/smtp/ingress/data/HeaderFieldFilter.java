package sempgw.smtp.ingress.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Removes every header field whose name is in a set from the content on its way to the queue:
 * the field's first line and its continuation lines (RFC 5322 §2.2.3), compared without regard
 * to case (RFC 5322 §1.2.2). This is how a forged {@code SEMP-Verification} field from a sender
 * is dropped before the gateway adds its own (GATEWAY.md §3 flow 4; RFC 8601 §5 is the same rule
 * for {@code Authentication-Results}). Everything else passes byte for byte.
 *
 * <p>A field is a line that starts with a name of printable US-ASCII other than the colon,
 * followed by optional white space and a colon (RFC 5322 §3.6.8, §4.5.3 for the space); a
 * continuation is a line that starts with a space or a tab. A line ends at LF, with or without CR.
 *
 * <p>The header section ends only at the first empty line, not at the first line that is not a
 * field as {@link ContentScanner} has it: parsers downstream keep reading fields past a broken
 * line, so a forged field below one is removed too. Content without an empty line is treated as
 * header through to its end; with an empty line first, there is no header section and nothing is
 * removed. The body is never looked at.
 *
 * <p>Incremental and in constant memory: it is fed runs split anywhere, and holds back at most
 * the start of one line ({@value #HOLD} octets) until it knows whether that line starts a field
 * to remove. A configured name followed by more white space than that is taken for the field:
 * such a line is malformed whatever follows.
 */
public final class HeaderFieldFilter extends OutputStream {
    /** The longest field name that can be configured. */
    public static final int MAX_NAME = 128;
    private static final int HOLD = 1024;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private enum State { LINE_START, LINE_CR, NAME, NAME_SPACE, KEEP_LINE, DROP_LINE, BODY }

    private final OutputStream out;
    private final byte[][] names;
    private final int longestName;
    private final byte[] hold = new byte[HOLD];
    private int held;
    private State state;
    private boolean dropping;
    private int removed;
    private boolean closed;

    /**
     * @param out where the content goes; closed with this stream
     * @param names the field names to remove; empty to pass everything through
     * @throws IllegalArgumentException for a name that {@link #isFieldName} refuses
     */
    public HeaderFieldFilter(OutputStream out, Set<String> names) {
        this.out = out;
        this.names = names.stream().map(HeaderFieldFilter::lowerCaseName).toArray(byte[][]::new);
        this.longestName = names.stream().mapToInt(String::length).max().orElse(0);
        this.state = names.isEmpty() ? State.BODY : State.LINE_START;
    }

    /** RFC 5322 §3.6.8: one to {@value #MAX_NAME} printable US-ASCII characters, no colon. */
    public static boolean isFieldName(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_NAME && name.chars().allMatch(c -> c < 128 && isNameOctet((byte) c));
    }

    private static byte[] lowerCaseName(String name) {
        if (!isFieldName(name)) {
            throw new IllegalArgumentException("not a header field name: " + name);
        }
        return name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }

    /** How many fields were removed so far. */
    public int removed() {
        return removed;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        int end = off + len;
        int i = off;
        while (i < end) {
            switch (state) {
                case BODY -> {
                    out.write(b, i, end - i);
                    i = end;
                }
                case KEEP_LINE, DROP_LINE -> i = restOfLine(b, i, end);
                default -> state = step(b[i++]);
            }
        }
    }

    /** Passes or skips the line up to and including its LF. */
    private int restOfLine(byte[] b, int from, int end) throws IOException {
        int stop = from;
        while (stop < end && b[stop] != LF) {
            stop++;
        }
        if (stop < end) {
            stop++;
            if (state == State.KEEP_LINE) {
                out.write(b, from, stop - from);
            }
            state = State.LINE_START;
        } else if (state == State.KEEP_LINE) {
            out.write(b, from, stop - from);
        }
        return stop;
    }

    private State step(byte b) throws IOException {
        return switch (state) {
            case LINE_START -> lineStart(b);
            case LINE_CR -> pass(b, b == LF ? State.BODY : State.KEEP_LINE);
            case NAME -> name(b);
            case NAME_SPACE -> nameSpace(b);
            case KEEP_LINE, DROP_LINE, BODY -> throw new IllegalStateException("not a per-octet state: " + state);
        };
    }

    private State lineStart(byte b) throws IOException {
        if (b == ' ' || b == '\t') {
            return dropping ? State.DROP_LINE : pass(b, State.KEEP_LINE);
        }
        dropping = false;
        if (b == LF) {
            return pass(b, State.BODY);
        }
        if (b == CR) {
            return pass(b, State.LINE_CR);
        }
        if (isNameOctet(b)) {
            hold[0] = b;
            held = 1;
            return State.NAME;
        }
        return pass(b, State.KEEP_LINE);
    }

    private State name(byte b) throws IOException {
        if (b == ':') {
            return matches() ? remove() : release(b);
        }
        if (isNameOctet(b)) {
            if (held == longestName) {
                return release(b);
            }
            hold[held++] = b;
            return State.NAME;
        }
        if ((b == ' ' || b == '\t') && matches()) {
            hold[held++] = b;
            return State.NAME_SPACE;
        }
        return release(b);
    }

    private State nameSpace(byte b) throws IOException {
        if (b == ':') {
            return remove();
        }
        if (b == ' ' || b == '\t') {
            if (held == HOLD) {
                return remove();
            }
            hold[held++] = b;
            return State.NAME_SPACE;
        }
        return release(b);
    }

    private State remove() {
        removed++;
        dropping = true;
        held = 0;
        return State.DROP_LINE;
    }

    /** The held start of the line is not a field to remove: it goes out with {@code b}. */
    private State release(byte b) throws IOException {
        out.write(hold, 0, held);
        held = 0;
        return pass(b, b == LF ? State.LINE_START : State.KEEP_LINE);
    }

    private State pass(byte b, State next) throws IOException {
        out.write(b);
        return next;
    }

    private boolean matches() {
        for (byte[] name : names) {
            if (name.length == held && equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean equalsIgnoreCase(byte[] lowerName) {
        for (int k = 0; k < held; k++) {
            byte c = hold[k];
            if ((c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c) != lowerName[k]) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5322 §3.6.8 ftext: printable US-ASCII except the colon. */
    private static boolean isNameOctet(byte b) {
        return b >= 33 && b <= 126 && b != ':';
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes a line start still held (the content ended inside it: not a field) and closes. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (held > 0) {
                out.write(hold, 0, held);
                held = 0;
            }
        } finally {
            out.close();
        }
    }
}
