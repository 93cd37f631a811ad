package sempgw.policy;

import java.util.Objects;

/**
 * One row of the outcome table ({@link Outcomes}, docs/outcomes.md): a SEMP reason code or a
 * local outcome, with its retry class, the SMTP reply that names it and the DSN it produces.
 * The DSN Status is the reply's enhanced code and the Action follows from the retry class, so
 * the three can never disagree (RFC 3464 §2.3.3, §2.3.4).
 *
 * @param code the reason code ({@code blocked}) or local outcome ({@code silent}); {@code unknown}
 *     for every code the registry does not hold
 * @param retry terminal or temporary
 * @param reply the end-of-data reply: 5yz when terminal, 4yz when temporary; its text is
 *     {@code semp; <code>: <meaning>}
 * @param meaning a short human text for DSNs and logs
 */
public record Outcome(String code, RetryClass retry, SmtpStatus reply, String meaning) {

    public Outcome {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(meaning, "meaning");
        boolean consistent = retry == RetryClass.TERMINAL ? reply.permanent() : reply.temporary();
        if (!consistent) {
            throw new IllegalArgumentException(code + ": a " + retry.label() + " outcome cannot reply " + reply.code());
        }
    }

    /** True when delivery to the recipient ends here. */
    public boolean terminal() {
        return retry == RetryClass.TERMINAL;
    }

    /** The DSN Action: {@code failed} when terminal, {@code delayed} when temporary (RFC 3464 §2.3.3). */
    public DsnAction dsnAction() {
        return terminal() ? DsnAction.FAILED : DsnAction.DELAYED;
    }

    /** The DSN Status, the same enhanced code as the reply (RFC 3464 §2.3.4). */
    public String dsnStatus() {
        return reply.enhanced();
    }
}
