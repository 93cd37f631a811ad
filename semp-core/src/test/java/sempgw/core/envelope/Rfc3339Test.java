package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
}
