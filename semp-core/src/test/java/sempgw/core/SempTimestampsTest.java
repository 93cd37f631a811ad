package sempgw.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class SempTimestampsTest {

    @Test
    void format_instantWithNanos_truncatesToWholeSecondsZ() {
        assertThat(SempTimestamps.format(Instant.parse("2025-06-10T21:00:00.987654321Z"))).isEqualTo("2025-06-10T21:00:00Z");
    }

    @Test
    void parse_rfc3339Forms_giveSameInstant() {
        Instant t = Instant.parse("2099-01-01T00:00:00Z");
        assertThat(SempTimestamps.parse("2099-01-01T00:00:00Z")).contains(t);
        assertThat(SempTimestamps.parse("2099-01-01T00:00:00.000Z")).contains(t);
        assertThat(SempTimestamps.parse("2099-01-01T01:00:00+01:00")).contains(t);
    }

    @Test
    void parse_malformed_isEmpty() {
        assertThat(SempTimestamps.parse("2099-01-01 00:00:00")).isEmpty();
        assertThat(SempTimestamps.parse(null)).isEmpty();
    }
}
