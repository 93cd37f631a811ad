package sempgw.smtp.egress.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Client timeouts, each with RFC 5321 §4.5.3.2's minimum as the default where it gives one
 * (Postfix uses the same values).
 *
 * @param connect TCP connect (default 30 s)
 * @param greeting the 220 greeting, EHLO/LHLO, STARTTLS and AUTH replies (default 300 s, §4.5.3.2.1)
 * @param command MAIL, RCPT and RSET replies (default 300 s, §4.5.3.2.2-3)
 * @param dataInit the reply to DATA (default 120 s, §4.5.3.2.4)
 * @param dataBlock each write of message data (default 180 s, §4.5.3.2.5)
 * @param dataDone the reply(ies) after the final dot (default 600 s, §4.5.3.2.6)
 */
public record Timeouts(Duration connect, Duration greeting, Duration command, Duration dataInit, Duration dataBlock, Duration dataDone) {

    public Timeouts {
        for (Duration d : new Duration[] {connect, greeting, command, dataInit, dataBlock, dataDone}) {
            Objects.requireNonNull(d, "timeout");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }

    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(10));
    }

    /** The same limit everywhere (tests). */
    public static Timeouts uniform(Duration d) {
        return new Timeouts(d, d, d, d, d, d);
    }
}
