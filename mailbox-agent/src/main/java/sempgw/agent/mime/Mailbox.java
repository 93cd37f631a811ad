package sempgw.agent.mime;

import java.util.Objects;
import java.util.Optional;

/**
 * One mailbox of an address header (RFC 5322 §3.4).
 *
 * @param displayName the decoded display name, if any
 * @param address the addr-spec as written, {@code local@domain} (a quoted local part keeps its quotes)
 */
public record Mailbox(Optional<String> displayName, String address) {
    public Mailbox {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(address, "address");
    }

    /** Shows nothing private. */
    @Override
    public String toString() {
        return "Mailbox[]";
    }
}
