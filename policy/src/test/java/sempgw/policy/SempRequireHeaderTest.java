package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SempRequireHeaderTest {

    @Test
    void name_isTheFixedFieldName() {
        assertThat(SempRequireHeader.NAME).isEqualTo("SEMP-Require");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "yes", "YES", "Yes", "yEs",
            " yes", "yes ", "\tyes\t", "  yes  ",
            "\r\n yes", "yes\r\n ",
            "yes (the author asked)", "(opt-in) yes", "(a)yes(b)", "yes (nested (comment))",
            "yes (escaped \\) paren)", "yes ()",
    })
    void requested_yesWithCfws_isTrue(String value) {
        assertThat(SempRequireHeader.requested(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "no", "NO", "true", "1", "y", "ye", "yess", "yes please", "yes, please", "yes;",
            "\"yes\"", "ye s", "ye(comment)s", "(yes)", "yes (unclosed", "yes )", ") yes", "yes (a (b)",
            "yeſ", "yes\u00a0", "\u2003yes", "yes\u0000",
    })
    void requested_anythingElse_isFalse(String value) {
        assertThat(SempRequireHeader.requested(value)).isFalse();
    }

    @Test
    void requested_null_isFalse() {
        assertThat(SempRequireHeader.requested(null)).isFalse();
    }

    @Test
    void requested_hugeCommentOnly_isFalseWithoutFailing() {
        String value = "(".repeat(100_000) + ")".repeat(100_000);

        assertThat(SempRequireHeader.requested(value)).isFalse();
        assertThat(SempRequireHeader.requested(value + " yes")).isTrue();
    }

    @Test
    void requestedAny_yesAmongOthers_isTrue() {
        assertThat(SempRequireHeader.requestedAny(List.of("no", "yes"))).isTrue();
        assertThat(SempRequireHeader.requestedAny(List.of("no", "maybe"))).isFalse();
        assertThat(SempRequireHeader.requestedAny(List.of())).isFalse();
    }
}
