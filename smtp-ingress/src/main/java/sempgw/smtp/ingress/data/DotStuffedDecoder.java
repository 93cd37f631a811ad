package sempgw.smtp.ingress.data;

/**
 * Decodes the DATA stream (RFC 5321 §4.1.1.4, §4.5.2): finds the end of data, the line
 * {@code CRLF "." CRLF}, and removes the dot that transparency adds to lines starting with a
 * dot. Pure and incremental: it is fed the bytes as they arrive, in chunks split anywhere, and
 * hands the message content on in runs, without copying.
 *
 * <p>Only {@code CRLF "." CRLF} ends the data, so it cannot be ended, or a second message
 * smuggled, with a bare LF or CR (RFC 5321 §2.3.8; CVE-2023-51764). A bare LF ends a content
 * line, as Postfix takes it ({@code smtpd_forbid_bare_newline = normal}, its default since 3.9):
 * it is handed on as CRLF, and a dot starting the next line is removed, but a line {@code "."}
 * after it is content, never the end. A CR that is not part of a
 * CRLF pair is handed on as it is and recorded ({@link #sawBareCr()}): the message must be
 * refused, because downstream a bare CR becomes a line break that the header filter did not see.
 */
public final class DotStuffedDecoder {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] CR_ONLY = {CR};
    private static final byte[] CRLF = {CR, LF};

    /** Receives decoded content. */
    @FunctionalInterface
    public interface Sink {
        void content(byte[] buffer, int offset, int length);
    }

    /** LINE_START follows CRLF (or the DATA command): only there can a dot line end the data. */
    private enum State { LINE_START, LINE_START_AFTER_LF, IN_LINE, CR_SEEN, DOT, DOT_CR, ENDED }

    private State state = State.LINE_START;
    private boolean bareCr;

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
            if (b == LF && state != State.CR_SEEN && state != State.DOT_CR) {
                // A bare LF: the line ends here, handed on as CRLF.
                flush(buffer, run, i, sink);
                sink.content(CRLF, 0, 2);
                run = i + 1;
                state = State.LINE_START_AFTER_LF;
                i++;
                continue;
            }
            switch (state) {
                case LINE_START, LINE_START_AFTER_LF -> {
                    if (b == '.') {
                        run = flush(buffer, run, i, sink) + 1;
                        state = state == State.LINE_START ? State.DOT : State.IN_LINE;
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
                        bareCr = true;
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

    private static State inLine(byte b) {
        return b == CR ? State.CR_SEEN : State.IN_LINE;
    }

    private State afterCr(byte b) {
        if (b == LF) {
            return State.LINE_START;
        }
        bareCr = true;
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

    /** True if a CR outside a CRLF pair was seen: the message must be refused. */
    public boolean sawBareCr() {
        return bareCr;
    }
}
