package sempgw.agent.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a header section into fields (RFC 5322 §2.2, §2.2.3 folding). Input lines end in CRLF
 * (the message reader normalizes them). A field name is printable US-ASCII without colon; a line
 * starting with space or tab continues the previous field; an empty line ends the section.
 *
 * <p>The header section ends at the first line that is not a field; the rest is body, kept byte
 * for byte. That is how mail readers and Postfix read a sloppy header. When that is the very first
 * line (a message typed without header, one starting with an mbox {@code From_} line or with a
 * continuation), the section has no field and the whole entity is body, as Postfix reads it too.
 * Only a NUL byte in a field is {@link MimeError#MALFORMED_HEADER}.
 */
public final class HeaderReader {
    private HeaderReader() {
    }

    /** Reads the header section starting at {@code start} and ending at the latest at {@code end}. */
    public static HeaderSection read(byte[] buf, int start, int end, MimeLimits limits) throws MimeException {
        List<HeaderField> fields = new ArrayList<>();
        int fieldStart = -1;
        int colonAt = -1;
        int pos = start;
        while (pos < end) {
            int le = Lines.next(buf, pos, end);
            if (le - pos == 2 && buf[pos] == '\r') {
                close(buf, fieldStart, colonAt, pos, fields);
                return new HeaderSection(fields, new Slice(buf, start, le), new Slice(buf, pos, le));
            }
            if (buf[pos] == ' ' || buf[pos] == '\t') {
                if (fieldStart < 0) {
                    return bodyFrom(buf, start, pos, fields);
                }
            } else {
                int colon = colonAfterName(buf, pos, le);
                close(buf, fieldStart, colonAt, pos, fields);
                if (colon < 0) {
                    return bodyFrom(buf, start, pos, fields);
                }
                fieldStart = pos;
                colonAt = colon;
            }
            checkLine(buf, pos, le);
            if (le - fieldStart > limits.maxFieldBytes()) {
                throw new MimeException(MimeError.HEADER_TOO_LARGE, "a header field exceeds " + limits.maxFieldBytes() + " bytes");
            }
            if (le - start > limits.maxHeaderSectionBytes()) {
                throw new MimeException(MimeError.HEADER_TOO_LARGE, "a header section exceeds " + limits.maxHeaderSectionBytes() + " bytes");
            }
            pos = le;
        }
        close(buf, fieldStart, colonAt, end, fields);
        return new HeaderSection(fields, new Slice(buf, start, end), new Slice(buf, end, end));
    }

    /** The section cut short at line {@code pos}, which is not a field: the body starts there, without a blank line. */
    private static HeaderSection bodyFrom(byte[] buf, int start, int pos, List<HeaderField> fields) {
        return new HeaderSection(fields, new Slice(buf, start, pos), new Slice(buf, pos, pos));
    }

    /** Index of the colon ending a valid field name on the line {@code [pos, le)}, or -1. */
    private static int colonAfterName(byte[] buf, int pos, int le) {
        int i = pos;
        while (i < le && buf[i] >= 33 && buf[i] <= 126 && buf[i] != ':') {
            i++;
        }
        int nameStop = i;
        while (i < le && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        return nameStop > pos && i < le && buf[i] == ':' ? i : -1;
    }

    private static void checkLine(byte[] buf, int pos, int le) throws MimeException {
        for (int i = pos; i < le; i++) {
            if (buf[i] == 0) {
                throw new MimeException(MimeError.MALFORMED_HEADER, "NUL byte in a header field (RFC 5322 §2.2)");
            }
        }
    }

    private static void close(byte[] buf, int fieldStart, int colon, int fieldEnd, List<HeaderField> fields) {
        if (fieldStart < 0) {
            return;
        }
        int nameStop = fieldStart;
        while (nameStop < colon && buf[nameStop] != ' ' && buf[nameStop] != '\t') {
            nameStop++;
        }
        String name = new String(buf, fieldStart, nameStop - fieldStart, java.nio.charset.StandardCharsets.US_ASCII);
        fields.add(new HeaderField(name, new Slice(buf, fieldStart, fieldEnd), unfold(new Slice(buf, colon + 1, fieldEnd))));
    }

    /** The field body with CRLFs removed (RFC 5322 §2.2.3) and surrounding whitespace trimmed. */
    static String unfold(Slice body) {
        byte[] out = new byte[body.length()];
        int n = 0;
        for (int i = body.from(); i < body.to(); i++) {
            byte b = body.buf()[i];
            if (b != '\r' && b != '\n') {
                out[n++] = b;
            }
        }
        return new Slice(out, 0, n).text().strip();
    }
}
