package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Timestamps as semp-go writes them (RFC3339Nano) and strict RFC 3339 parsing. */
final class Rfc3339Test {

    @ParameterizedTest
    @CsvSource({
        "2025-06-10T21:00:00Z, 2025-06-10T21:00:00Z",
        "2025-06-10T21:00:00.000Z, 2025-06-10T21:00:00Z",
        "2026-05-01T12:00:00.123456789Z, 2026-05-01T12:00:00.123456789Z",
        "2026-05-01T12:00:00.120Z, 2026-05-01T12:00:00.12Z",
        "2026-05-01T13:00:00+01:00, 2026-05-01T12:00:00Z",
    })
    void format_parsedInstant_writesGoForm(String input, String expected) {
        assertThat(Rfc3339.format(Rfc3339.parse(input).orElseThrow())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-10T21:00Z", "2025-06-10 21:00:00Z", "2025-06-10T21:00:00", "2025-13-10T21:00:00Z",
        "2025-02-30T21:00:00Z", "2025-06-10T24:00:00Z", "2025-06-10T21:00:00.1234567890Z", "tomorrow", ""})
    void parse_malformed_isEmpty(String input) {
        assertThat(Rfc3339.parse(input)).isEmpty();
    }

    @Test
    void parseUtc_nonZeroOffset_isEmptyButZeroOffsetIsAccepted() {
        assertThat(Rfc3339.parseUtc("2026-05-01T13:00:00+01:00")).isEmpty();
        assertThat(Rfc3339.parseUtc("2026-05-01T12:00:00+00:00")).hasValue(Instant.parse("2026-05-01T12:00:00Z"));
        assertThat(Rfc3339.parseUtc(null)).isEmpty();
    }

    @Test
    void format_yearOutsideGoRange_isRefused() {
        assertThatThrownBy(() -> Rfc3339.format(Instant.parse("+10000-01-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void parse_plainUtcForm_agreesWithIsoParser(@ForAll("plainUtc") String text) {
        Optional<Instant> iso;
        try {
            iso = Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            iso = Optional.empty();
        }
        assertThat(Rfc3339.parse(text)).isEqualTo(iso);
    }

    @Property(tries = 2000)
    void format_anyInstantInGoRange_matchesFormatterAndRoundTrips(@ForAll("instants") Instant instant) {
        String seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(instant);
        String fraction = String.format("%09d", instant.getNano()).replaceAll("0+$", "");
        String formatted = Rfc3339.format(instant);
        assertThat(formatted).isEqualTo(seconds + (fraction.isEmpty() ? "" : "." + fraction) + "Z");
        assertThat(Rfc3339.parse(formatted)).hasValue(instant);
    }

    @Provide
    Arbitrary<String> plainUtc() {
        return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 25),
                        Arbitraries.integers().between(0, 61), Arbitraries.integers().between(0, 61))
                .as((y, mo, d, h, mi, s) -> String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s));
    }

    @Provide
    Arbitrary<Instant> instants() {
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        return Combinators.combine(Arbitraries.longs().between(min, max),
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999),
                                Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000)))
                .as(Instant::ofEpochSecond);
    }
}
