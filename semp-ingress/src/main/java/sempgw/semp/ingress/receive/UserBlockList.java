package sempgw.semp.ingress.receive;

import java.util.Optional;

/**
 * The recipients' own block lists (DELIVERY.md §5, §6.2): user and domain entries, matched on
 * the verified {@code brief.from} and {@code postmark.from_domain} only (§5.3, §9.1).
 * Implementations are thread-safe and never expose list size or contents (§8.3).
 */
@FunctionalInterface
public interface UserBlockList {

    /** The acknowledgment of a block entry (DELIVERY.md §5.2); {@code delivered} is not one. */
    enum Action {
        /** Reject; sent as {@code policy_forbidden}, never revealing the block (ENVELOPE.md §9.3). */
        REJECTED,
        /** Send nothing (DELIVERY.md §1.3). */
        SILENT
    }

    /**
     * The entry of {@code recipient}'s list that matches the sender, if any.
     *
     * @param senderAddress the verified {@code brief.from}
     * @param senderDomain {@code postmark.from_domain}, equal to {@code brief.from}'s domain
     */
    Optional<Action> match(String recipient, String senderAddress, String senderDomain);
}
