package sempgw.smtp.ingress.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Set;
import sempgw.smtp.ingress.protocol.CommandLine;
import sempgw.smtp.ingress.protocol.Replies;

/**
 * What SubEthaSMTP's session reads its commands from: only well-formed command lines, one per
 * read and each ending in CRLF, so its own reader never buffers past the current command.
 *
 * <p>Framing is ours because SubEthaSMTP's line reader answers a bare LF, an over-long line or
 * invalid UTF-8 by closing the connection with a reply that lacks an enhanced status code, and
 * unknown commands with {@code 500} alone. Here each bad line gets its {@link CommandLine}
 * reply, is dropped, and the session goes on; a command timeout gets {@code 421 4.4.2}, after
 * which the stream ends and SubEthaSMTP closes the connection. A broken connection ends the
 * stream too, without a reply.
 */
final class CommandLineStream extends InputStream {
    private final ClientInput input;
    private final ReplyOutput replies;
    private final Set<String> verbs;
    private final String hostname;
    private byte[] line;
    private int linePosition;
    private boolean ended;

    CommandLineStream(ClientInput input, ReplyOutput replies, Set<String> verbs, String hostname) {
        this.input = input;
        this.replies = replies;
        this.verbs = verbs;
        this.hostname = hostname;
    }

    @Override
    public int read() throws IOException {
        return nextLineReady() ? line[linePosition++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!nextLineReady()) {
            return -1;
        }
        int n = Math.min(len, line.length - linePosition);
        System.arraycopy(line, linePosition, b, off, n);
        linePosition += n;
        return n;
    }

    private boolean nextLineReady() throws IOException {
        while (line == null || linePosition == line.length) {
            if (ended || input.ended()) {
                return false;
            }
            readCommand();
        }
        return true;
    }

    private void readCommand() throws IOException {
        line = null;
        try {
            switch (input.readLine(CommandLine.EXTENDED_LIMIT)) {
                case ClientInput.Line.End end -> ended = true;
                case ClientInput.Line.TooLong tooLong -> replies.send(Replies.LINE_TOO_LONG);
                case ClientInput.Line.Text text -> accept(text.octets());
            }
        } catch (SocketTimeoutException e) {
            replies.sendNow(Replies.timeout(hostname));
            input.end();
            ended = true;
        } catch (IOException e) {
            // A reset or closed connection ends the session quietly, as a client that hangs up does.
            input.end();
            ended = true;
        }
    }

    private void accept(byte[] octets) throws IOException {
        switch (CommandLine.check(octets, octets.length, verbs)) {
            case CommandLine.Valid valid -> {
                line = withCrlf(octets);
                linePosition = 0;
            }
            case CommandLine.Invalid invalid -> replies.send(invalid.reply());
        }
    }

    /** The line as SubEthaSMTP's reader wants it: a bare LF at its end (accepted, as Postfix does) becomes CRLF. */
    private static byte[] withCrlf(byte[] octets) {
        int end = CommandLine.textEnd(octets, octets.length);
        if (end == octets.length - 2) {
            return octets;
        }
        byte[] crlf = java.util.Arrays.copyOf(octets, end + 2);
        crlf[end] = '\r';
        crlf[end + 1] = '\n';
        return crlf;
    }
}
