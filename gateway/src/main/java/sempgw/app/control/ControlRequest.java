package sempgw.app.control;

import java.util.Locale;
import sempgw.store.queue.QueueId;

/**
 * One request on the control channel: a line {@code VERB [queue-id]}, or
 * {@code MAILBOX verb [argument]} for the mailbox agent. Parsing is pure and total: anything
 * else is a {@link Malformed} request carrying the reason.
 */
public sealed interface ControlRequest {
    /** Longest request line accepted, in characters (room for a file path); the server drops longer lines. */
    int MAX_LINE = 4096;

    record ListEntries() implements ControlRequest {
    }

    record Show(QueueId id) implements ControlRequest {
    }

    record Hold(QueueId id) implements ControlRequest {
    }

    record Release(QueueId id) implements ControlRequest {
    }

    record Delete(QueueId id) implements ControlRequest {
    }

    /** Retry every deferred recipient now. */
    record Flush() implements ControlRequest {
    }

    /**
     * {@code MAILBOX verb [argument]}: a mailbox agent command ({@code semp-gateway mailbox ...}),
     * interpreted by the mailbox agent's handler. The verb is upper case; the argument is the rest
     * of the line (an address, or a file path that may hold spaces), without control characters.
     */
    record Mailbox(String verb, String argument) implements ControlRequest {
        public Mailbox {
            if (verb.isEmpty() || !verb.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '-')) {
                throw new IllegalArgumentException("a mailbox verb is upper-case letters and hyphens");
            }
            argument = argument.strip();
            if (argument.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("control characters in a mailbox command argument");
            }
        }
    }

    record Malformed(String reason) implements ControlRequest {
    }

    static ControlRequest parse(String line) {
        String[] words = line.strip().split("\\s+");
        String verb = words[0].toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "LIST" -> words.length == 1 ? new ListEntries() : new Malformed("LIST takes no argument");
            case "FLUSH" -> words.length == 1 ? new Flush() : new Malformed("FLUSH takes no argument");
            case "SHOW", "HOLD", "RELEASE", "DELETE" -> withId(verb, words);
            case "MAILBOX" -> mailbox(line.strip());
            default -> new Malformed("unknown command; commands are LIST, SHOW id, HOLD id, RELEASE id, DELETE id, FLUSH");
        };
    }

    private static ControlRequest mailbox(String line) {
        String rest = line.substring("MAILBOX".length()).strip();
        if (rest.isEmpty()) {
            return new Malformed("MAILBOX takes a verb");
        }
        int space = rest.indexOf(' ');
        String verb = (space < 0 ? rest : rest.substring(0, space)).toUpperCase(Locale.ROOT);
        try {
            return new Mailbox(verb, space < 0 ? "" : rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            return new Malformed(e.getMessage());
        }
    }

    private static ControlRequest withId(String verb, String[] words) {
        if (words.length != 2) {
            return new Malformed(verb + " takes one queue id");
        }
        QueueId id;
        try {
            id = new QueueId(words[1]);
        } catch (IllegalArgumentException e) {
            return new Malformed("not a queue id: " + ControlReply.printable(words[1]));
        }
        return switch (verb) {
            case "SHOW" -> new Show(id);
            case "HOLD" -> new Hold(id);
            case "RELEASE" -> new Release(id);
            default -> new Delete(id);
        };
    }

    /** The request line for this request, as the client sends it. */
    default String line() {
        return switch (this) {
            case ListEntries l -> "LIST";
            case Flush f -> "FLUSH";
            case Show s -> "SHOW " + s.id();
            case Hold h -> "HOLD " + h.id();
            case Release r -> "RELEASE " + r.id();
            case Delete d -> "DELETE " + d.id();
            case Mailbox m -> "MAILBOX " + m.verb() + (m.argument().isEmpty() ? "" : " " + m.argument());
            case Malformed m -> throw new IllegalStateException("a malformed request is never sent");
        };
    }
}
