package sempgw.smtp.ingress.data;

/**
 * Decodes the DATA stream (RFC 5321 §4.1.1.4, §4.5.2): finds the end of data, the line
 * {@code CRLF "." CRLF}, and removes the dot that transparency adds to lines starting with a
 * dot. Pure and incremental: it is fed the bytes as they arrive, in chunks split anywhere, and
 * hands the message content on in runs, without copying.
 *
 * <p>Only {@code CRLF "." CRLF} ends the data. A CR or LF that is not part of a CRLF pair is
 * recorded ({@link #sawBareLineEnding()}) and never ends a line, so the data cannot be ended, or
 * a second message smuggled, with a bare LF or CR (RFC 5321 §2.3.8; CVE-2023-51764).
 */
public final class DotStuffedDecoder {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] CR_ONLY = {CR};

    /** Receives decoded content. */
    @FunctionalInterface
    public interface Sink {
        void content(byte[] buffer, int offset, int length);
    }

    private enum State { LINE_START, IN_LINE, CR_SEEN, DOT, DOT_CR, ENDED }

    private State state = State.LINE_START;
    private boolean bareLineEnding;

    /**
     * Decodes as much of {@code buffer[offset, offset+length)} as belongs to the data.
     *
     * @return how many bytes were consumed: all of them, or fewer when the end of data was
     *         found, in which case the rest belongs to the next command
     */
    public int decode(byte[] buffer, int offset, int length, Sink sink) {
        int end = offset + length;
        int run = offset;
        int i = offset;
        while (i < end && state != State.ENDED) {
            if (state == State.IN_LINE) {
                while (i < end && buffer[i] != CR && buffer[i] != LF) {
                    i++;
                }
                if (i == end) {
                    break;
                }
            }
            byte b = buffer[i];
            switch (state) {
                case LINE_START -> {
                    if (b == '.') {
                        run = flush(buffer, run, i, sink) + 1;
                        state = State.DOT;
                    } else {
                        state = inLine(b);
                    }
                }
                case IN_LINE -> state = inLine(b);
                case CR_SEEN -> state = afterCr(b);
                case DOT -> {
                    if (b == CR) {
                        run = flush(buffer, run, i, sink) + 1;
                        state = State.DOT_CR;
                    } else {
                        state = inLine(b);
                    }
                }
                case DOT_CR -> {
                    if (b == LF) {
                        run = i + 1;
                        state = State.ENDED;
                    } else {
                        bareLineEnding = true;
                        sink.content(CR_ONLY, 0, 1);
                        state = inLine(b);
                    }
                }
                case ENDED -> throw new IllegalStateException("unreachable");
            }
            i++;
        }
        flush(buffer, run, i, sink);
        return i - offset;
    }

    private State inLine(byte b) {
        if (b == CR) {
            return State.CR_SEEN;
        }
        if (b == LF) {
            bareLineEnding = true;
        }
        return State.IN_LINE;
    }

    private State afterCr(byte b) {
        if (b == LF) {
            return State.LINE_START;
        }
        bareLineEnding = true;
        return b == CR ? State.CR_SEEN : State.IN_LINE;
    }

    private static int flush(byte[] buffer, int from, int to, Sink sink) {
        if (to > from) {
            sink.content(buffer, from, to - from);
        }
        return to;
    }

    /** True once {@code CRLF "." CRLF} was consumed. */
    public boolean ended() {
        return state == State.ENDED;
    }

    /** True if a CR or LF outside a CRLF pair was seen: the message must be refused. */
    public boolean sawBareLineEnding() {
        return bareLineEnding;
    }
}
