package sempgw.app.mailbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sempgw.core.crypto.SuiteId;

/**
 * How mailbox keys are made and retired.
 *
 * @param validity how long a new key is published as valid ({@code expires} = created +
 *     validity); 365 days by default, inside KEY.md §7.1's intervals (identity 12-24 months,
 *     encryption 6-12 months) and the same as the domain keys
 * @param decryptWindow how long a rotated-out encryption key still opens envelopes; 14 days by
 *     default, CLIENT.md §5.2's minimum, longer than any peer's retry horizon (DELIVERY.md §2.4:
 *     at most 7 days) and our own key-cache lifetimes (KEY.md §7.2 step 4)
 * @param suites one encryption key per suite, in this order
 */
public record MailboxPolicy(Duration validity, Duration decryptWindow, List<SuiteId> suites) {
    public static final MailboxPolicy DEFAULTS = new MailboxPolicy(Duration.ofDays(365), Duration.ofDays(14), List.of(SuiteId.values()));

    public MailboxPolicy {
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(decryptWindow, "decryptWindow");
        suites = List.copyOf(suites);
        if (validity.isNegative() || validity.isZero() || decryptWindow.isNegative() || suites.isEmpty()) {
            throw new IllegalArgumentException("a positive validity, a non-negative window and at least one suite are needed");
        }
    }
}
