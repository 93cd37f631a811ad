package sempgw.semp.ingress.receive;

/**
 * Known-correspondent status at domain granularity, the default of DELIVERY.md §6.4.1: a sender
 * domain is known to a recipient after outbound history, a reply, an accepted-senders entry, or
 * one delivery under a first-contact token (§6.4.4). Implementations are thread-safe.
 */
public interface KnownCorrespondents {

    /** Whether {@code senderDomain} is a known correspondent of {@code recipient}. */
    boolean isKnown(String recipient, String senderDomain);

    /** Records {@code senderDomain} as known to {@code recipient} (DELIVERY.md §6.4.4). */
    void remember(String recipient, String senderDomain);
}
