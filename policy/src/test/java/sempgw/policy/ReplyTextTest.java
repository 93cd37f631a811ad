package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ReplyTextTest {

    @Test
    void sanitize_crLfInjection_becomesOneLine() {
        assertThat(ReplyText.sanitize("no\r\n250 2.0.0 ok\r\nX-Header: y")).isEqualTo("no 250 2.0.0 ok X-Header: y");
    }

    @Test
    void sanitize_nonAsciiAndControls_becomeQuestionMarks() {
        assertThat(ReplyText.sanitize("Empf\u00e4nger \u0007blockiert \uD83D\uDE00")).isEqualTo("Empf?nger ?blockiert ?");
    }

    @Test
    void sanitize_blankRunsAndEnds_areCollapsedAndTrimmed() {
        assertThat(ReplyText.sanitize("  a \t\t b  \r\n ")).isEqualTo("a b");
        assertThat(ReplyText.sanitize(" \r\n\t ")).isEmpty();
    }

    @Test
    void sanitize_longText_isCutWithEllipsis() {
        String text = ReplyText.sanitize("x".repeat(1000), 20);

        assertThat(text).hasSize(20).endsWith("...");
    }

    @Test
    void sanitize_textCutJustAfterABlank_stillShowsTheCut() {
        assertThat(ReplyText.sanitize("aaaaaaaaaa bbbb", 10)).isEqualTo("aaaaaaa...");
        assertThat(ReplyText.sanitize("aaaaaaaaaa   ", 10)).isEqualTo("aaaaaaaaaa");
        assertThat(ReplyText.sanitize("aaaaaaaaaa", 10)).isEqualTo("aaaaaaaaaa");
    }

    @Test
    void sanitize_defaultBound_isMaxReason() {
        assertThat(ReplyText.sanitize("y".repeat(5000))).hasSize(ReplyText.MAX_REASON);
    }

    @Test
    void sanitize_result_isAlwaysSafeForAReplyLine() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            every.append(c);
        }

        assertThat(ReplyText.isSafe(ReplyText.sanitize(every.toString(), 500))).isTrue();
    }

    @Test
    void sanitize_tooSmallBound_isRejected() {
        assertThatThrownBy(() -> ReplyText.sanitize("abc", 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
