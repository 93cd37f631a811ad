package sempgw.app.mailbox;

import java.util.Optional;
import sempgw.app.control.ControlRequest;

/**
 * The mailbox commands on the control channel, {@code MAILBOX <verb> [argument]}: what
 * {@code semp-gateway mailbox} sends and {@link MailboxControlHandler} answers.
 */
public enum MailboxVerb {
    /** {@code ADD address}. */
    ADD,
    /** {@code REMOVE address}. */
    REMOVE,
    /** {@code LIST}. */
    LIST,
    /** {@code ROTATE address}. */
    ROTATE,
    /** {@code IMPORT absolute-path}: the gateway reads the file. */
    IMPORT,
    /** {@code ADVERTISE address on|off}. */
    ADVERTISE;

    /** The request for this verb with {@code argument} (empty for {@link #LIST}). */
    public ControlRequest.Mailbox request(String argument) {
        return new ControlRequest.Mailbox(name(), argument);
    }

    static Optional<MailboxVerb> parse(String verb) {
        for (MailboxVerb v : values()) {
            if (v.name().equals(verb)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
