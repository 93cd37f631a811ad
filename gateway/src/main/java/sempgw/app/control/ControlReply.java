package sempgw.app.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reply on the control channel, framed as an SMTP multi-line reply (RFC 5321 §4.2.1):
 * every line but the last is {@code code-text}, the last is {@code code text}. Codes: 200
 * done, 451 local error (try again), 500 bad request, 502 not served by this gateway (the
 * mailbox agent when SEMP is off), 550 no such message or refused. Text is made printable
 * before it is sent, so a remote server's reply cannot break the framing.
 */
public record ControlReply(int code, List<String> lines) {
    public static final int OK = 200;
    public static final int LOCAL_ERROR = 451;
    public static final int BAD_REQUEST = 500;
    public static final int NOT_HANDLED = 502;
    public static final int NO_SUCH_MESSAGE = 550;
    /** A refused change (the mailbox commands): the same code as {@link #NO_SUCH_MESSAGE}. */
    public static final int REFUSED = 550;

    public ControlReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        lines = lines.isEmpty() ? List.of("") : lines.stream().map(ControlReply::printable).toList();
    }

    public static ControlReply of(int code, String text) {
        return new ControlReply(code, List.of(text));
    }

    public boolean ok() {
        return code < 400;
    }

    /** The reply as sent on the wire, each line ended by LF. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    /** Accumulates reply lines read from the wire; {@link #add} returns the reply once the last line arrived. */
    static final class Decoder {
        private final List<String> lines = new ArrayList<>();

        ControlReply add(String line) {
            if (line.length() < 4 || !line.substring(0, 3).chars().allMatch(Character::isDigit)
                    || line.charAt(3) != ' ' && line.charAt(3) != '-') {
                throw new IllegalArgumentException("malformed control reply line: " + printable(line));
            }
            lines.add(line.substring(4));
            return line.charAt(3) == ' ' ? new ControlReply(Integer.parseInt(line.substring(0, 3)), lines) : null;
        }
    }

    /** Replaces control characters (CR, LF, ESC...) with '?'. */
    static String printable(String s) {
        Objects.requireNonNull(s);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString();
    }
}
