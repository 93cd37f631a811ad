package sempgw.app.mailbox;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import sempgw.app.control.ControlHandler;
import sempgw.app.control.ControlReply;
import sempgw.app.control.ControlRequest;

/**
 * Answers {@code MAILBOX ...} control requests with the {@link MailboxAdmin}: done is 200,
 * refused 550, a local failure 451, a malformed request 500. Used by the running gateway (through
 * {@code ControlRoutes}) and, over the data directory, by {@code semp-gateway mailbox} when no
 * gateway runs, so both give the same answers.
 */
public final class MailboxControlHandler implements ControlHandler {
    private final MailboxAdmin admin;

    public MailboxControlHandler(MailboxAdmin admin) {
        this.admin = admin;
    }

    @Override
    public ControlReply handle(ControlRequest request) {
        if (!(request instanceof ControlRequest.Mailbox(String verb, String argument))) {
            return ControlReply.of(ControlReply.NOT_HANDLED, "not a mailbox command");
        }
        MailboxVerb v = MailboxVerb.parse(verb).orElse(null);
        if (v == null) {
            return ControlReply.of(ControlReply.BAD_REQUEST, "unknown mailbox command " + verb + "; commands are ADD, REMOVE, LIST, ROTATE, IMPORT, ADVERTISE");
        }
        if ((v == MailboxVerb.LIST) != argument.isEmpty()) {
            return ControlReply.of(ControlReply.BAD_REQUEST, v == MailboxVerb.LIST ? "LIST takes no argument" : v + " needs an argument");
        }
        return switch (v) {
            case ADD -> reply(admin.add(argument));
            case REMOVE -> reply(admin.remove(argument));
            case LIST -> reply(admin.list());
            case ROTATE -> reply(admin.rotate(argument));
            case IMPORT -> importFile(argument);
            case ADVERTISE -> advertise(argument);
        };
    }

    private ControlReply importFile(String argument) {
        Path file;
        try {
            file = Path.of(argument);
        } catch (InvalidPathException e) {
            return ControlReply.of(ControlReply.BAD_REQUEST, "IMPORT needs a file path: " + e.getReason());
        }
        return file.isAbsolute() ? reply(admin.importFile(file)) : ControlReply.of(ControlReply.BAD_REQUEST, "IMPORT needs an absolute path");
    }

    private ControlReply advertise(String argument) {
        int space = argument.lastIndexOf(' ');
        String flag = space < 0 ? "" : argument.substring(space + 1).toLowerCase(Locale.ROOT);
        if (!flag.equals("on") && !flag.equals("off")) {
            return ControlReply.of(ControlReply.BAD_REQUEST, "ADVERTISE takes an address and on or off");
        }
        return reply(admin.advertise(argument.substring(0, space), flag.equals("on")));
    }

    private static ControlReply reply(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Done d -> new ControlReply(ControlReply.OK, d.lines());
            case Outcome.Refused r -> new ControlReply(ControlReply.REFUSED, r.lines());
            case Outcome.Failed f -> new ControlReply(ControlReply.LOCAL_ERROR, f.lines());
        };
    }
}
