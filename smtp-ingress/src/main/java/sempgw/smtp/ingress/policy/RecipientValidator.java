package sempgw.smtp.ingress.policy;

/**
 * Says whether a recipient in one of our local domains exists, so that unknown users are
 * refused at RCPT ({@code 550 5.1.1}) rather than bounced later (no backscatter).
 * Implementations are thread-safe. A lookup that cannot be answered now throws an unchecked
 * exception; the client then gets {@code 451 4.3.0} and tries again later.
 */
@FunctionalInterface
public interface RecipientValidator {

    /** @param address the recipient, {@code local-part@domain}: the local part as the client sent it, the domain in lower case */
    boolean exists(String address);
}
