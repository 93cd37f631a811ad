package sempgw.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TextsTest {

    @Test
    void clean_controlsSeparatorsAndLoneSurrogates_becomeQuestionMarks() {
        assertThat(Texts.clean("a\r\nb\u2028c\u0000d\ud800e\udc00")).isEqualTo("a??b?c?d?e?");
    }

    @Test
    void clean_pairAcrossTheLimit_isDroppedWhole() {
        String text = "x".repeat(Texts.MAX_CHARS - 1) + "\ud83d\ude00";

        assertThat(Texts.clean(text)).isEqualTo("x".repeat(Texts.MAX_CHARS - 1));
    }

    @Test
    void clean_longText_cappedAndPairsKept() {
        assertThat(Texts.clean("\ud83d\ude00".repeat(400))).isEqualTo("\ud83d\ude00".repeat(Texts.MAX_CHARS / 2));
    }
}
