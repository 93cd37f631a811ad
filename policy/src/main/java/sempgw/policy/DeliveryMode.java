package sempgw.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * How mail for one (sender, recipient domain) pair may leave the gateway: the organisation's
 * consent, written down as policy because a relayhost cannot ask the user (GATEWAY.md §4,
 * CLIENT.md §6.4.1).
 */
public enum DeliveryMode {
    /** SEMP or nothing: never send in clear; refuse with a 5.7.x status that says why. */
    SEMP_REQUIRED("semp-required"),
    /** The default: SEMP when discovery finds it, else SMTP. A DNS failure is never "legacy". */
    SEMP_PREFERRED("semp-preferred"),
    /** Always SMTP, even to a SEMP domain (a partner that must receive plain mail). */
    SMTP_ONLY("smtp-only");

    private final String spelling;

    DeliveryMode(String spelling) {
        this.spelling = spelling;
    }

    /**
     * Parses a configuration spelling ({@code semp-required}, {@code semp-preferred},
     * {@code smtp-only}), ignoring ASCII case. Anything else, including surrounding blanks, is
     * empty: the configuration reader reports it with the key it came from.
     */
    public static Optional<DeliveryMode> parse(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        String wanted = spelling.toLowerCase(Locale.ROOT);
        for (DeliveryMode mode : values()) {
            if (mode.spelling.equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The configuration spelling, for example {@code semp-required}. */
    public String spelling() {
        return spelling;
    }

    @Override
    public String toString() {
        return spelling;
    }
}
