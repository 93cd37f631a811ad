package sempgw.app.control;

import java.util.Locale;
import sempgw.store.queue.QueueId;

/**
 * One request on the control channel: a line {@code VERB [queue-id]}. Parsing is pure and
 * total: anything else is a {@link Malformed} request carrying the reason.
 */
public sealed interface ControlRequest {
    /** Longest request line accepted, in characters; the server drops longer lines. */
    int MAX_LINE = 256;

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

    record Malformed(String reason) implements ControlRequest {
    }

    static ControlRequest parse(String line) {
        String[] words = line.strip().split("\\s+");
        String verb = words[0].toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "LIST" -> words.length == 1 ? new ListEntries() : new Malformed("LIST takes no argument");
            case "FLUSH" -> words.length == 1 ? new Flush() : new Malformed("FLUSH takes no argument");
            case "SHOW", "HOLD", "RELEASE", "DELETE" -> withId(verb, words);
            default -> new Malformed("unknown command; commands are LIST, SHOW id, HOLD id, RELEASE id, DELETE id, FLUSH");
        };
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
            case Malformed m -> throw new IllegalStateException("a malformed request is never sent");
        };
    }
}
