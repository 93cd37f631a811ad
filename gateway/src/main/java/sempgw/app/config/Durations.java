package sempgw.app.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time values in the configuration: a whole number and one unit, as in Postfix ({@code 30s}, {@code 5m}, {@code 4h}, {@code 5d}, {@code 1w}). */
public final class Durations {
    static final String ALLOWED = "a whole number with a unit s, m, h, d or w (for example 30s, 5m, 4h, 5d)";
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhdw])");

    private Durations() {
    }

    /** @throws IllegalArgumentException if the text is not in the documented form */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(ALLOWED);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    /** The shortest exact form: {@code Duration.ofHours(4)} prints as {@code 4h}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s != 0 && s % 604_800 == 0) {
            return s / 604_800 + "w";
        }
        if (s != 0 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s != 0 && s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
