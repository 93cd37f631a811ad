package sempgw.semp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class LogSafeTest {

    @Test
    void of_controlsAndSpacesReplaced_lengthBoundedAndEmptyShown() {
        assertThat(LogSafe.of("01J\r\nINFO fake")).isEqualTo("01J??INFO?fake");
        assertThat(LogSafe.of("b.example")).isEqualTo("b.example");
        assertThat(LogSafe.of("é\u2028x")).isEqualTo("??x");
        assertThat(LogSafe.of("y".repeat(300))).hasSize(LogSafe.MAX + 3).endsWith("...");
        assertThat(LogSafe.of("")).isEqualTo("-");
    }

    @Test
    void text_lineBreaksAndControlsReplaced_lengthBounded() {
        assertThat(LogSafe.text("bad\nline\u2028two\u0007")).isEqualTo("bad?line?two?");
        assertThat(LogSafe.text("not a ULID: é")).isEqualTo("not a ULID: é");
        assertThat(LogSafe.text("z".repeat(500))).hasSize(LogSafe.MAX_TEXT + 3);
    }
}
