package sempgw.core.envelope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps as semp-go writes them (Go's {@code time.RFC3339Nano}): UTC with {@code Z},
 * whole seconds without a fraction, otherwise the fraction with trailing zeros removed. Writing
 * exactly Go's form keeps re-encoded timestamps byte-identical to what a go peer canonicalizes
 * (SPEC-DIGEST-WIRE §2.3). Parsing is strict RFC 3339 §5.6: seconds required, years 0000-9999.
 */
public final class Rfc3339 {
    private static final Pattern SYNTAX =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Rfc3339() {
    }

    /**
     * {@code instant} in UTC, e.g. {@code 2025-06-10T21:00:00Z} or {@code 2026-05-01T12:00:00.1234Z}.
     *
     * @throws IllegalArgumentException outside the years 0000-9999, which Go cannot marshal
     */
    public static String format(Instant instant) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException("timestamp outside the years 0000-9999");
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(30);
        digits(sb, t.getYear(), 4).append('-');
        digits(sb, t.getMonthValue(), 2).append('-');
        digits(sb, t.getDayOfMonth(), 2).append('T');
        digits(sb, t.getHour(), 2).append(':');
        digits(sb, t.getMinute(), 2).append(':');
        digits(sb, t.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            int width = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                width--;
            }
            digits(sb.append('.'), nanos, width);
        }
        return sb.append('Z').toString();
    }

    /** {@code value} (non-negative) zero-padded to {@code width} digits. */
    private static StringBuilder digits(StringBuilder sb, int value, int width) {
        for (int d = width - 1, scale = pow10(d); d >= 0; d--, scale /= 10) {
            sb.append((char) ('0' + value / scale % 10));
        }
        return sb;
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** The instant named by an RFC 3339 date-time with any offset, or empty when malformed. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 35) {
            return Optional.empty();
        }
        Instant plain = plainUtc(text);
        if (plain != null) {
            return Optional.of(plain);
        }
        if (!SYNTAX.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The common form {@code uuuu-MM-ddTHH:mm:ssZ} read directly; null for anything else,
     * including an out-of-range field, which the general parser then judges. Accepts exactly what
     * the general parser accepts for this form, without its cost (a regex and a formatter).
     */
    private static Instant plainUtc(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = number(t, 0, 4);
        int month = number(t, 5, 2);
        int day = number(t, 8, 2);
        int hour = number(t, 11, 2);
        int minute = number(t, 14, 2);
        int second = number(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
    }

    /** The decimal number in {@code t[from..from+n)}, or -1 unless every char is an ASCII digit. */
    private static int number(String t, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The instant named by an RFC 3339 date-time in UTC ({@code Z} or {@code +00:00}), or empty.
     * SEMP timestamps are UTC (ENVELOPE.md §3.2); Go keeps a non-zero offset verbatim when it
     * re-encodes, so accepting one would make our re-encoding differ from a go peer's.
     */
    public static Optional<Instant> parseUtc(String text) {
        if (text == null || !(text.endsWith("Z") || text.endsWith("+00:00") || text.endsWith("-00:00"))) {
            return Optional.empty();
        }
        return parse(text);
    }
}
