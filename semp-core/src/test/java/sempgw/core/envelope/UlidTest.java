package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.testing.ScriptedRandom;

/** postmark.id ULIDs (ENVELOPE.md §3.3). */
final class UlidTest {

    @Test
    void next_knownTimeAndRandomness_encodesCrockfordBase32() {
        String id = Ulid.next(Instant.ofEpochMilli(1_469_918_176_385L), new ScriptedRandom(new byte[10]));
        assertThat(id).isEqualTo("01ARYZ6S41" + "0".repeat(16));
        String ones = Ulid.next(Instant.ofEpochMilli(0), new ScriptedRandom(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}));
        assertThat(ones).isEqualTo("0".repeat(10) + "Z".repeat(16));
    }

    @Test
    void of_givenEntropy_usesItsFirstTenBytes_andRefusesFewer() {
        byte[] entropy = new byte[32];
        entropy[9] = 1;
        entropy[10] = -1;
        assertThat(Ulid.of(Instant.ofEpochMilli(1_469_918_176_385L), entropy)).isEqualTo("01ARYZ6S41" + "0".repeat(15) + "1");
        assertThatIllegalArgumentException().isThrownBy(() -> Ulid.of(Instant.EPOCH, new byte[9]));
    }

    @Test
    void next_laterTime_sortsAfter() {
        String a = Ulid.next(Instant.parse("2026-01-01T00:00:00Z"), RandomSource.secure());
        String b = Ulid.next(Instant.parse("2026-01-01T00:00:01Z"), RandomSource.secure());
        assertThat(a).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(a.compareTo(b)).isNegative();
    }
}
