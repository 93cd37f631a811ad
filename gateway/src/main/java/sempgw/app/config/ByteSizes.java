package sempgw.app.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes in the configuration: a number of bytes, or a whole number with KB, MB or GB (1024-based). */
public final class ByteSizes {
    static final String ALLOWED = "a number of bytes, or a whole number with KB, MB or GB (for example 25MB)";
    private static final Pattern FORM = Pattern.compile("([0-9]{1,12})\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    /** @throws IllegalArgumentException if the text is not in the documented form */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(ALLOWED);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(java.util.Locale.ROOT);
        long factor = switch (unit) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(n, factor);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(ALLOWED);
        }
    }

    /** The shortest exact form: 26214400 prints as {@code 25MB}. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GB";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MB";
        }
        if (bytes != 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KB";
        }
        return Long.toString(bytes);
    }
}
