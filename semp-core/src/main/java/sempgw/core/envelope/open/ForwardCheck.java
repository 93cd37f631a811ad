package sempgw.core.envelope.open;

import java.util.Objects;

/**
 * The outcome of verifying a forwarding chain (ENVELOPE.md §6.6.4-6.6.5). A failed chain does not
 * fail the whole envelope: the spec asks the client to withhold the forwarded part and warn.
 *
 * @param status what held
 * @param depth levels verified before the outcome (0 when not a forward)
 */
public record ForwardCheck(Status status, int depth) {

    /** What the chain verification established. */
    public enum Status {
        /** No {@code forwarded_from}. */
        NOT_FORWARDED,
        /** Every level's attestation and original sender signature verified. */
        VERIFIED,
        /**
         * An attestation failed or names another key than the forwarder's sender signature
         * (§6.6.3): do not display the forwarded block at all (§6.6.4).
         */
        ATTESTATION_INVALID,
        /**
         * An original sender signature could not be verified (§6.6.4 step 3): do not present the
         * original content as authored by the claimed sender.
         */
        ORIGINAL_UNVERIFIED
    }

    public ForwardCheck {
        Objects.requireNonNull(status, "status");
    }
}
