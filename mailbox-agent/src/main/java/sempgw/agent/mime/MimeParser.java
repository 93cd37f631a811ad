package sempgw.agent.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a whole message (CRLF line ends) into its {@link MimePart} tree, keeping every byte:
 * header sections, preambles, delimiter lines with their transport padding, epilogues. Only
 * {@code multipart/*} bodies are descended into; {@code message/rfc822} stays a leaf.
 *
 * <p>Delimiters follow RFC 2046 §5.1.1: a line that starts with {@code --boundary}, optionally
 * {@code --}, then only linear whitespace. The CRLF before a delimiter belongs to it. A missing
 * close delimiter is tolerated (the last part runs to the end), as mail readers do. So is a
 * multipart that has no parts to find: no boundary parameter, a boundary that is empty or not
 * printable ASCII, or no opening delimiter line. Its body is then one leaf read as
 * {@code text/plain}, the default for an unusable Content-Type (RFC 2045 §5.2), which is how mail
 * readers show it; its bytes are kept like any other leaf's.
 */
public final class MimeParser {
    private final byte[] buf;
    private final MimeLimits limits;
    private int entities;

    private MimeParser(byte[] buf, MimeLimits limits) {
        this.buf = buf;
        this.limits = limits;
    }

    /** The entity tree of {@code message}. */
    public static MimePart parse(byte[] message, MimeLimits limits) throws MimeException {
        return new MimeParser(message, limits).entity(0, message.length, "", 0, ContentType.TEXT_PLAIN);
    }

    private MimePart entity(int start, int end, String section, int depth, ContentType fallback) throws MimeException {
        if (++entities > limits.maxParts()) {
            throw new MimeException(MimeError.TOO_MANY_PARTS, "the message has more than " + limits.maxParts() + " parts");
        }
        HeaderSection headers = HeaderReader.read(buf, start, end, limits);
        ContentType type = headers.value("Content-Type").map(v -> ContentType.parse(v, ContentType.TEXT_PLAIN)).orElse(fallback);
        Slice body = new Slice(buf, headers.bodyStart(), end);
        if (!type.isMultipart()) {
            return leaf(section, headers, body, type);
        }
        if (depth + 1 > limits.maxDepth()) {
            throw new MimeException(MimeError.TOO_DEEP, "multipart nesting deeper than " + limits.maxDepth());
        }
        byte[] delimiter = type.param("boundary")
                .filter(b -> !b.isEmpty() && b.chars().allMatch(c -> c >= ' ' && c < 127))
                .map(b -> ("--" + b).getBytes(StandardCharsets.US_ASCII))
                .orElse(null);
        long opening = delimiter == null ? -1 : findDelimiter(body.from(), body.to(), delimiter);
        if (opening < 0 || closes(opening)) {
            return leaf(section, headers, body, ContentType.TEXT_PLAIN);
        }
        ContentType childDefault = type.subtype().equals("digest") ? ContentType.MESSAGE_RFC822 : ContentType.TEXT_PLAIN;
        return multipart(section, headers, body, type, delimiter, opening, depth, childDefault);
    }

    private static MimePart leaf(String section, HeaderSection headers, Slice body, ContentType type) {
        return new MimePart(section, headers, body, type, List.of(), List.of());
    }

    /** The parts of a multipart body whose first delimiter line, an opening one, is {@code opening}. */
    private MimePart multipart(String section, HeaderSection headers, Slice body, ContentType type, byte[] delimiter, long opening,
                               int depth, ContentType childDefault) throws MimeException {
        int end = body.to();
        long d = opening;
        List<Slice> separators = new ArrayList<>();
        List<MimePart> children = new ArrayList<>();
        int sepStart = body.from();
        while (true) {
            int partStart = Lines.next(buf, lineStart(d), end);
            String childSection = section.isEmpty() ? Integer.toString(children.size() + 1) : section + "." + (children.size() + 1);
            long next = findDelimiter(partStart, end, delimiter);
            separators.add(new Slice(buf, sepStart, partStart));
            if (next < 0) {
                children.add(entity(partStart, end, childSection, depth + 1, childDefault));
                separators.add(new Slice(buf, end, end));
                break;
            }
            int partEnd = lineStart(next) - 2 >= partStart ? lineStart(next) - 2 : partStart;
            children.add(entity(partStart, partEnd, childSection, depth + 1, childDefault));
            sepStart = partEnd;
            if (closes(next)) {
                separators.add(new Slice(buf, sepStart, end));
                break;
            }
            d = next;
        }
        return new MimePart(section, headers, body, type, children, separators);
    }

    /**
     * The next delimiter line at or after line start {@code from}: its start index, with bit 32
     * set when it is the close delimiter; -1 when there is none.
     */
    private long findDelimiter(int from, int end, byte[] delimiter) {
        int pos = from;
        while (pos < end) {
            int le = Lines.next(buf, pos, end);
            if (le - pos >= delimiter.length && java.util.Arrays.equals(buf, pos, pos + delimiter.length, delimiter, 0, delimiter.length)) {
                int p = pos + delimiter.length;
                int ce = Lines.contentEnd(buf, pos, le);
                boolean close = p + 1 < ce && buf[p] == '-' && buf[p + 1] == '-';
                if (close) {
                    p += 2;
                }
                while (p < ce && (buf[p] == ' ' || buf[p] == '\t')) {
                    p++;
                }
                if (p == ce) {
                    return close ? pos | (1L << 32) : pos;
                }
            }
            pos = le;
        }
        return -1;
    }

    private static int lineStart(long delimiter) {
        return (int) (delimiter & 0xffffffffL);
    }

    private static boolean closes(long delimiter) {
        return (delimiter & (1L << 32)) != 0;
    }
}
