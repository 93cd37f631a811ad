package sempgw.app.bridge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header section of a queued message, read from the start of its content: what the routing
 * agent needs to know of it ({@link #values}), and the rewrite of it as the message streams to a
 * delivery agent ({@link #rewrite}): every field whose name is in a set dropped, with its folded
 * continuation lines (RFC 5322 §2.2.3), and new fields put first (RFC 5322 §3.6 allows any
 * order). At most {@link #MAX_HEADER} bytes are read (far above what the SMTP listener accepts);
 * the body streams through untouched. Content without an empty line is header through to its end,
 * as the SMTP listener's field filter has it; a header section that does not end within the limit
 * is treated as having no fields, and passes unchanged.
 */
final class HeaderSection {
    static final int MAX_HEADER = 1 << 20;

    private final byte[] head;
    private final int end;

    private HeaderSection(byte[] head) {
        this.head = head;
        this.end = headerEnd(head);
    }

    /** Reads the header section from the start of {@code message}; the stream is left at the body. */
    static HeaderSection read(InputStream message) throws IOException {
        return new HeaderSection(readHeader(message));
    }

    /** The unfolded values of every field named {@code name} (case-insensitive). */
    List<String> values(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int line = 0;
        while (line < end) {
            int next = lineEnd(head, line, end);
            if (head[line] != ' ' && head[line] != '\t' && wanted.equals(name(head, line, next))) {
                int stop = next;
                while (stop < end && (head[stop] == ' ' || head[stop] == '\t')) {
                    stop = lineEnd(head, stop, end);
                }
                String field = new String(head, line, stop - line, StandardCharsets.UTF_8);
                out.add(field.substring(field.indexOf(':') + 1).replaceAll("\r?\n", "").trim());
                next = stop;
            }
            line = next;
        }
        return out;
    }

    /**
     * The whole message again, header section rewritten, {@code body} (the rest of the stream this
     * section was read from) following unchanged.
     *
     * @param drop field names to remove, lower case
     * @param add complete fields to put first, each without its CRLF
     */
    InputStream rewrite(InputStream body, Set<String> drop, List<String> add) {
        if (end < 0) {
            return new SequenceInputStream(new ByteArrayInputStream(head), body);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + 256);
        for (String field : add) {
            out.writeBytes((field + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        boolean dropping = false;
        int line = 0;
        while (line < end) {
            int next = lineEnd(head, line, end);
            boolean continuation = head[line] == ' ' || head[line] == '\t';
            if (!continuation) {
                dropping = drop.contains(name(head, line, next));
            }
            if (!dropping) {
                out.write(head, line, next - line);
            }
            line = next;
        }
        out.write(head, end, head.length - end);
        return new SequenceInputStream(new ByteArrayInputStream(out.toByteArray()), body);
    }

    /** Reads up to the blank line that ends the header section, or {@link #MAX_HEADER} bytes. */
    private static byte[] readHeader(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(8192);
        int previous = -1;
        int atLineStart = 1;
        for (int b; head.size() < MAX_HEADER && (b = in.read()) >= 0; ) {
            head.write(b);
            if (b == '\n') {
                if (atLineStart == 1 || (previous == '\r' && atLineStart == 2)) {
                    break;
                }
                atLineStart = 1;
            } else {
                atLineStart = b == '\r' && atLineStart == 1 ? 2 : 0;
            }
            previous = b;
        }
        return head.toByteArray();
    }

    /** Where the blank line starts, the end when the content ended first, or -1 when the section did not end within the limit. */
    private static int headerEnd(byte[] head) {
        int n = head.length;
        if (n >= 2 && head[n - 1] == '\n' && head[n - 2] == '\r' && (n == 2 || head[n - 3] == '\n')) {
            return n - 2;
        }
        if (n >= 1 && head[n - 1] == '\n' && (n == 1 || head[n - 2] == '\n')) {
            return n - 1;
        }
        return n < MAX_HEADER ? n : -1;
    }

    private static int lineEnd(byte[] head, int from, int end) {
        for (int i = from; i < end; i++) {
            if (head[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    private static String name(byte[] head, int from, int to) {
        for (int i = from; i < to; i++) {
            if (head[i] == ':') {
                return new String(head, from, i - from, StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
