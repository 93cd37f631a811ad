package sempgw.store.queue;

import java.util.Objects;
import java.util.Optional;

/**
 * The envelope sender of a message and the transaction-wide MAIL parameters.
 *
 * @param reversePath the MAIL FROM address without angle brackets; empty for the null sender
 * @param ret RFC 3461 §4.3 RET, if given
 * @param envId RFC 3461 §4.4 ENVID (xtext-decoded), if given
 * @param body RFC 6152 BODY
 * @param smtpUtf8 RFC 6531 SMTPUTF8 was given
 */
public record Sender(String reversePath, Optional<DsnRet> ret, Optional<String> envId, BodyType body, boolean smtpUtf8) {
    public Sender {
        Objects.requireNonNull(reversePath, "reversePath");
        Objects.requireNonNull(ret, "ret");
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(body, "body");
    }

    /** A sender with no DSN parameters, 7-bit body. */
    public static Sender of(String reversePath) {
        return new Sender(reversePath, Optional.empty(), Optional.empty(), BodyType.SEVEN_BIT, false);
    }

    /** The null reverse-path {@code <>}: bounces and DSNs, which must never be bounced. */
    public boolean isNull() {
        return reversePath.isEmpty();
    }

    /** RFC 3461 §4.3. */
    public enum DsnRet { FULL, HDRS }

    /** RFC 6152 §2: the BODY parameter of MAIL. */
    public enum BodyType { SEVEN_BIT, EIGHT_BIT_MIME }
}
