package sempgw.store.queue;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a message came from, for the trace header, the log and DSNs.
 *
 * @param clientAddress the peer's IP address
 * @param heloName the name given at HELO/EHLO
 * @param protocol {@code SMTP}, {@code ESMTP}, {@code ESMTPS}, {@code ESMTPSA}, or {@code local} for our own DSNs
 * @param authenticatedUser the SMTP AUTH identity, if any
 */
public record Origin(InetAddress clientAddress, String heloName, String protocol, Optional<String> authenticatedUser) {
    public Origin {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(authenticatedUser, "authenticatedUser");
    }

    /** Mail generated inside the gateway (DSNs). */
    public static Origin local() {
        return new Origin(InetAddress.getLoopbackAddress(), "localhost", "local", Optional.empty());
    }
}
