package sempgw.smtp.ingress.data;

import java.util.Optional;

/**
 * Holds the decoded content of one message to its {@link MessageLimits} as it arrives, in
 * one pass and constant memory: size, NUL, the header section's size and its {@code Received:}
 * count. It also notes 8-bit octets: like Postfix we accept them without {@code BODY=8BITMIME}
 * and record the fact in the accept log line, since refusing them would only bounce mail from
 * old clients that delivery can still handle. Lines longer than RFC 5321 §4.5.3.1.6's 1000
 * octets are accepted for the same reason, as Postfix accepts them (HTML from bulk senders and
 * some clients has them); the SMTP client folds them on the way out.
 *
 * <p>The header section ends at the first empty line, or at the first line that is neither a
 * field nor a continuation (RFC 5322 §2.2, §3.5), which then starts the body.
 */
public final class ContentScanner {
    private static final byte[] RECEIVED = {'r', 'e', 'c', 'e', 'i', 'v', 'e', 'd'};

    private enum Header { LINE_START, EMPTY_CR, NAME, NAME_SPACE, VALUE, DONE }

    private final MessageLimits limits;
    private long size;
    private boolean eightBit;
    private Header header = Header.LINE_START;
    private int nameLength;
    private boolean nameIsReceived;
    private int headerLines;
    private long headerBytes;
    private int hops;

    public ContentScanner(MessageLimits limits) {
        this.limits = limits;
    }

    /** Scans the next run of content; the first violation found, if any. */
    public Optional<DataViolation> scan(byte[] buffer, int offset, int length) {
        size += length;
        if (size > limits.maxSize()) {
            return Optional.of(DataViolation.TOO_BIG);
        }
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = buffer[i];
            if (b == 0) {
                return Optional.of(DataViolation.NUL);
            }
            eightBit |= b < 0;
            if (header != Header.DONE) {
                Optional<DataViolation> v = header(b);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<DataViolation> header(byte b) {
        header = switch (header) {
            case LINE_START -> b == '\r' ? Header.EMPTY_CR : b == ' ' || b == '\t' ? Header.VALUE : startName(b);
            case EMPTY_CR -> Header.DONE;
            case NAME -> b == ':' ? endName() : b == ' ' || b == '\t' ? Header.NAME_SPACE : nextName(b);
            case NAME_SPACE -> b == ':' ? endName() : b == ' ' || b == '\t' ? Header.NAME_SPACE : Header.DONE;
            case VALUE -> b == '\n' ? Header.LINE_START : Header.VALUE;
            case DONE -> Header.DONE;
        };
        if (header == Header.DONE) {
            return Optional.empty();
        }
        headerBytes++;
        if (b == '\n') {
            headerLines++;
        }
        if (headerLines > limits.maxHeaderLines() || headerBytes > limits.maxHeaderBytes()) {
            return Optional.of(DataViolation.HEADER_TOO_LARGE);
        }
        return hops > limits.maxHops() ? Optional.of(DataViolation.TOO_MANY_HOPS) : Optional.empty();
    }

    private Header startName(byte b) {
        nameLength = 0;
        nameIsReceived = true;
        return nextName(b);
    }

    /** RFC 5322 §3.6.8: a field name is printable US-ASCII except the colon. */
    private Header nextName(byte b) {
        if (b < 33 || b > 126) {
            return Header.DONE;
        }
        nameIsReceived &= nameLength < RECEIVED.length && (b | 0x20) == RECEIVED[nameLength];
        nameLength++;
        return Header.NAME;
    }

    private Header endName() {
        if (nameIsReceived && nameLength == RECEIVED.length) {
            hops++;
        }
        return Header.VALUE;
    }

    public long size() {
        return size;
    }

    /** True if an octet above 127 was seen. */
    public boolean eightBit() {
        return eightBit;
    }
}
