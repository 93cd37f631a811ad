package sempgw.agent.mime;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/** The RFC 5322 §3.3 date-time: lenient parsing (obsolete zones, comments) and the form we write. */
public final class DateHeader {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** One parser, used under its lock: building a MailDateFormat costs more than a parse. */
    private static final MailDateFormat PARSER = new MailDateFormat();

    private DateHeader() {
    }

    /** The instant {@code value} names, to the second, or empty when it cannot be read or lies outside years 1970-9999. */
    public static Optional<Instant> parse(String value) {
        try {
            Date d;
            synchronized (PARSER) {
                d = PARSER.parse(value);
            }
            Instant t = d.toInstant().truncatedTo(ChronoUnit.SECONDS);
            return t.isBefore(EARLIEST) || t.isAfter(LATEST) ? Optional.empty() : Optional.of(t);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code t} in UTC as RFC 5322 writes it, e.g. {@code Tue, 3 Jun 2025 11:05:30 +0000}. */
    public static String format(Instant t) {
        return FORMAT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
