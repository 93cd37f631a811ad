package sempgw.agent.mime;

/** Line scanning over CRLF-terminated text. */
final class Lines {
    private Lines() {
    }

    /** Index just after the LF ending the line that starts at {@code pos}, or {@code end}. */
    static int next(byte[] buf, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /** Index of the line end (CR of the final CRLF, or {@code le}) for the line {@code [pos, le)}. */
    static int contentEnd(byte[] buf, int pos, int le) {
        int e = le;
        if (e > pos && buf[e - 1] == '\n') {
            e--;
            if (e > pos && buf[e - 1] == '\r') {
                e--;
            }
        }
        return e;
    }
}
