package sempgw.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.SempException;
import sempgw.core.SempReason;

/** Bad input of any kind is a {@link SempException} with SERVER_UNAVAILABLE, never another exception. */
final class AcknowledgmentDecodeMalformedTest {
    static final String OK_HEAD = "\"envelope_id\":\"01J\",\"step\":\"response\",\"timestamp\":\"2026-06-01T12:00:01Z\","
            + "\"type\":\"SEMP_SUBMISSION\",\"version\":\"1.0.0\"";

    static Stream<String> malformed() {
        return Stream.of(
                "",
                "{",
                "[]",
                "null",
                "{\"acknowledgment\":\"delivered\"}",
                "{" + OK_HEAD + "}",
                "{" + OK_HEAD + ",\"results\":{}}",
                "{" + OK_HEAD + ",\"results\":[1]}",
                "{" + OK_HEAD + ",\"results\":[{\"recipient\":\"b\"}]}",
                "{" + OK_HEAD + ",\"results\":[{\"status\":7}]}",
                "{" + OK_HEAD + ",\"acknowledgment\":\"silent\"}",
                "{" + OK_HEAD + ",\"acknowledgment\":true}",
                "{" + OK_HEAD + ",\"acknowledgment\":\"delivered\",\"receipt\":\"r\"}",
                "{" + OK_HEAD + ",\"acknowledgment\":\"delivered\",\"receipt\":{}}",
                "{" + OK_HEAD + ",\"acknowledgment\":\"rejected\",\"reason_code\":5}",
                "{" + OK_HEAD.replace("SEMP_SUBMISSION", "SEMP_ENVELOPE") + ",\"acknowledgment\":\"rejected\"}",
                "{" + OK_HEAD.replace("response", "event") + ",\"acknowledgment\":\"rejected\"}",
                "{" + OK_HEAD.replace("1.0.0", "2.0.0") + ",\"acknowledgment\":\"rejected\"}",
                "{" + OK_HEAD.replace("\"01J\"", "\"\"") + ",\"acknowledgment\":\"rejected\"}",
                "{" + OK_HEAD.replace("\"01J\"", "\"" + "x".repeat(300) + "\"") + ",\"acknowledgment\":\"rejected\"}",
                "{" + OK_HEAD.replace("2026-06-01T12:00:01Z", "yesterday") + ",\"acknowledgment\":\"rejected\"}",
                "{" + OK_HEAD + ",\"acknowledgment\":\"rejected\",\"acknowledgment\":\"delivered\"}",
                "{" + OK_HEAD + ",\"acknowledgment\":\"rejected\"} trailing",
                "{" + OK_HEAD + ",\"x\":" + "[".repeat(20) + "]".repeat(20) + ",\"acknowledgment\":\"rejected\"}");
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void decode_malformed_throwsServerUnavailable(String input) {
        assertUnusable(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decode_invalidUtf8AndOversize_throwServerUnavailable() {
        byte[] latin1 = ("{" + OK_HEAD + ",\"acknowledgment\":\"rejected\",\"reason\":\"caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
        byte[] huge = new byte[AcknowledgmentCodec.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');

        assertUnusable(latin1);
        assertUnusable(huge);
    }

    /** 5,000 random corruptions of a valid reply: each decodes or is a SempException, nothing else. */
    @Test
    void decode_randomCorruptions_onlyAcknowledgmentsOrSempExceptions() {
        byte[] valid = AcknowledgmentCodec.encode(AcknowledgmentCodecTest.delivered(), Instant.parse("2026-06-01T12:00:01Z"));
        SplittableRandom random = new SplittableRandom(20260601);
        int rejected = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] b = valid.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            byte[] input = random.nextInt(8) == 0 ? Arrays.copyOf(b, random.nextInt(b.length)) : b;
            try {
                assertThat(AcknowledgmentCodec.decode(input)).isNotNull();
            } catch (SempException e) {
                assertThat(e.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE);
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(3_500);
    }

    static void assertUnusable(byte[] input) {
        assertThatThrownBy(() -> AcknowledgmentCodec.decode(input))
                .isInstanceOfSatisfying(SempException.class, e -> assertThat(e.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE));
    }
}
