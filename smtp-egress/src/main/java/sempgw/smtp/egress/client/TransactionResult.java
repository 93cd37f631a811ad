package sempgw.smtp.egress.client;

import java.util.List;

/**
 * The outcome of one mail transaction.
 *
 * @param outcomes one per recipient, in the delivery's order
 * @param stale the session came from the pool and turned out to be dead before the server
 *     answered anything: no recipient was affected and the transaction may be repeated at once
 *     on a fresh connection
 */
public record TransactionResult(List<RecipientOutcome> outcomes, boolean stale) {
    public TransactionResult {
        outcomes = List.copyOf(outcomes);
    }
}
