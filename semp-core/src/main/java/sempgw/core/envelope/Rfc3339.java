package sempgw.core.envelope;

import java.time.Instant;
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
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
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
        StringBuilder sb = new StringBuilder(30).append(SECONDS.format(instant));
        int nanos = instant.getNano();
        if (nanos != 0) {
            String frac = String.format("%09d", nanos);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        return sb.append('Z').toString();
    }

    /** The instant named by an RFC 3339 date-time with any offset, or empty when malformed. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 35 || !SYNTAX.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
