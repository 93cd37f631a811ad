package sempgw.store.queue;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One RCPT TO with its own DSN parameters.
 *
 * @param address the forward-path without angle brackets
 * @param notifyOn RFC 3461 §4.1 NOTIFY; empty means "not given" (the default: FAILURE, DELAY)
 * @param orcpt RFC 3461 §4.2 ORCPT as {@code addr-type;xtext-decoded-address}, if given
 */
public record Recipient(String address, Set<Notify> notifyOn, Optional<String> orcpt) {
    public Recipient {
        Objects.requireNonNull(address, "address");
        notifyOn = Set.copyOf(notifyOn);
        Objects.requireNonNull(orcpt, "orcpt");
        if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER cannot be combined (RFC 3461 §4.1)");
        }
    }

    public static Recipient of(String address) {
        return new Recipient(address, Set.of(), Optional.empty());
    }

    /** Whether a DSN of this kind is wanted for this recipient (RFC 3461 §4.1 defaults). */
    public boolean wants(Notify kind) {
        if (notifyOn.isEmpty()) {
            return kind == Notify.FAILURE || kind == Notify.DELAY;
        }
        return notifyOn.contains(kind);
    }

    /** The domain part, lower-cased: what delivery routes on. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** RFC 3461 §4.1. */
    public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }
}
