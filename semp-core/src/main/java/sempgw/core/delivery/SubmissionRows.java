package sempgw.core.delivery;

import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;

/**
 * Folds semp-go's per-recipient {@code results} rows ({@code SubmissionResult}: {@code recipient},
 * {@code status}, {@code reason_code}, {@code reason}, optional {@code receipt}; CLIENT.md §6.2,
 * SPEC-DIGEST-SERVER §8) into the one per-envelope {@link Acknowledgment} of DELIVERY.md §1.
 * The fold never reports delivery for a recipient the peer refused (DELIVERY.md §1.4):
 * <ol>
 *   <li>any {@code rejected} row: {@link Acknowledgment.Rejected} with the first such row's code
 *   and text, noting when other rows were delivered (a retry may duplicate; nothing is lost);
 *   {@code recipient_not_found} counts as {@code policy_forbidden}, the code the spec gives
 *   nonexistent recipients (DELIVERY.md §6.4.3);</li>
 *   <li>else any {@code silent} row, any other status, or no row at all: no final answer, a
 *   {@link SempException} (SERVER_UNAVAILABLE) the sender retries like silence (DELIVERY.md §1.3);</li>
 *   <li>else all rows {@code delivered}: {@link Acknowledgment.Delivered} with the first receipt
 *   any row carries (the go reference server signs one per row, all over the same envelope),
 *   or none: semp-go's library pipeline attaches none.</li>
 * </ol>
 * Every receipt present is parsed strictly, so a malformed one fails the whole reply.
 */
final class SubmissionRows {
    private SubmissionRows() {
    }

    static Acknowledgment fold(String envelopeId, JsonArray rows) throws SempException, JsonException {
        Acknowledgment.Rejected firstRejected = null;
        Optional<DeliveryReceipt> firstReceipt = Optional.empty();
        int delivered = 0;
        int unanswered = 0;
        for (JsonValue v : rows.elements()) {
            if (!(v instanceof JsonObject row)) {
                throw AcknowledgmentReader.invalid("a results row is not an object");
            }
            switch (row.requireString("status")) {
                case "delivered" -> {
                    delivered++;
                    Optional<DeliveryReceipt> r = AcknowledgmentReader.receipt(row);
                    firstReceipt = firstReceipt.isPresent() ? firstReceipt : r;
                }
                case "rejected" -> firstRejected = firstRejected != null ? firstRejected
                        : AcknowledgmentReader.rejected(envelopeId, row);
                case "recipient_not_found" -> firstRejected = firstRejected != null ? firstRejected
                        : new Acknowledgment.Rejected(envelopeId, SempReason.POLICY_FORBIDDEN,
                                "recipient_not_found" + row.optionalString("reason").map(t -> ": " + Texts.clean(t)).orElse(""));
                default -> unanswered++;
            }
        }
        if (firstRejected != null) {
            return delivered == 0 ? firstRejected : new Acknowledgment.Rejected(envelopeId, firstRejected.reason(),
                    "rejected for some recipients, delivered to " + delivered + ": " + firstRejected.text());
        }
        if (unanswered > 0 || delivered == 0) {
            throw AcknowledgmentReader.invalid("no final answer for every recipient (" + unanswered + " silent or pending)");
        }
        return new Acknowledgment.Delivered(envelopeId, firstReceipt);
    }
}
