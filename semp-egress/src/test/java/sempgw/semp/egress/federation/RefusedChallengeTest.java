package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Only a {@code proof_of_work} challenge over {@code sha256} with a difficulty above 28 is
 * {@link RefusedChallenge#aboveCap()}: semp-core checks type and algorithm before the cap, so a
 * challenge of a type we do not run (HANDSHAKE.md §2.2a.5) was refused for that, whatever it asks.
 */
final class RefusedChallengeTest {

    @ParameterizedTest(name = "{0}, {1}, difficulty {2}: {3}")
    @CsvSource({
            "proof_of_work, sha256, 29, true",
            "proof_of_work, sha256, 28, false",
            "proof_of_work, sha3-256, 40, false",
            "vendor.example.com/puzzle, sha256, 40, false"})
    void aboveCap_onlyForAProofOfWorkOverSha256AboveTwentyEight(String type, String algorithm, long difficulty, boolean aboveCap) {
        String json = "{\"type\":\"SEMP_HANDSHAKE\",\"step\":\"challenge\",\"challenge_type\":\"" + type
                + "\",\"parameters\":{\"algorithm\":\"" + algorithm + "\",\"difficulty\":" + difficulty
                + "},\"expires\":\"2026-05-01T10:10:00Z\"}";

        RefusedChallenge c = RefusedChallenge.of(json.getBytes(StandardCharsets.UTF_8));

        assertThat(c.aboveCap()).isEqualTo(aboveCap);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"not json", "{\"challenge_type\":\"proof_of_work\"}",
            "{\"challenge_type\":\"proof_of_work\",\"parameters\":{\"algorithm\":\"sha256\",\"difficulty\":\"40\"}}"})
    void aboveCap_falseWithoutAnIntegerDifficulty(String json) {
        assertThat(RefusedChallenge.of(json.getBytes(StandardCharsets.UTF_8)).aboveCap()).isFalse();
    }
}
