package sempgw.policy;

/**
 * Outcomes of a SEMP delivery attempt that carry no reason code from the peer: what the sending
 * side observed itself. Their names never collide with registry codes (a test checks this).
 */
public enum LocalOutcome {
    /** No acknowledgment within the attempt timeout (DELIVERY.md §1.3, §1.5, §2.2): retried, never success. */
    SILENT("silent"),
    /** The first attempt did not finish inside the bound of the SMTP DATA transaction (GATEWAY.md §5). */
    TIMEOUT("timeout"),
    /** The delivery deadline passed with no terminal outcome (DELIVERY.md §2.4). */
    EXPIRED("expired"),
    /** No connection, TLS or transport to the peer (DELIVERY.md §2.2, TRANSPORT.md §5.4). */
    TRANSPORT("transport"),
    /** {@code delivered} without a verifiable receipt, which counts as a transport failure (DELIVERY.md §1.1.1.6). */
    RECEIPT_INVALID("receipt_invalid"),
    /** A fault in the gateway itself: a 4yz and a retry, never a bounce (GATEWAY.md §5). */
    INTERNAL("internal");

    private final String code;

    LocalOutcome(String code) {
        this.code = code;
    }

    /** The name used in logs, in {@code Diagnostic-Code: semp; <code>} and in docs/outcomes.md. */
    public String code() {
        return code;
    }
}
