package sempgw.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * SEMP timestamps. We emit {@code yyyy-MM-dd'T'HH:mm:ss'Z'} (whole seconds, UTC), the only form
 * semp-go's struct round trip leaves byte-identical, so its signature checks pass
 * (SPEC-DIGEST-WIRE §2.3). We accept any RFC 3339 date-time, with or without a fraction or offset.
 */
public final class SempTimestamps {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private SempTimestamps() {
    }

    /** {@code instant} truncated to seconds, as {@code 2025-06-10T21:00:00Z}. */
    public static String format(Instant instant) {
        return OUT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The instant an RFC 3339 timestamp names, or empty when it is malformed. */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
