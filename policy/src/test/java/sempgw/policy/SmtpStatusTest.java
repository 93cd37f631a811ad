package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SmtpStatusTest {

    @Test
    void toString_validStatus_isTheReplyLine() {
        assertThat(new SmtpStatus(550, "5.7.1", "semp; blocked: no").toString()).isEqualTo("550 5.7.1 semp; blocked: no");
        assertThat(new SmtpStatus(250, "2.0.0", "").toString()).isEqualTo("250 2.0.0");
    }

    @Test
    void classes_ofEachKind_areReported() {
        SmtpStatus temporary = new SmtpStatus(451, "4.4.3", "later");
        SmtpStatus permanent = new SmtpStatus(554, "5.0.0", "never");

        assertThat(temporary.temporary()).isTrue();
        assertThat(temporary.permanent()).isFalse();
        assertThat(temporary.replyClass()).isEqualTo(4);
        assertThat(permanent.permanent()).isTrue();
        assertThat(permanent.temporary()).isFalse();
        assertThat(new SmtpStatus(250, "2.6.0", "ok").replyClass()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 199, 354, 600, 999, -550, 560, 470})
    void constructor_replyCodeOutsideRange_isRejected(int code) {
        assertThatThrownBy(() -> new SmtpStatus(code, code / 100 + ".0.0", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "550, 4.7.1", "451, 5.4.3", "250, 5.0.0", "550, 2.0.0",
            "550, 5.7", "550, 5.7.1.1", "550, 3.0.0", "550, 5.07.1", "550, 5.7.1000", "550, 5..1", "550, ' 5.7.1'",
    })
    void constructor_enhancedCodeWrongOrDisagreeing_isRejected(int code, String enhanced) {
        assertThatThrownBy(() -> new SmtpStatus(code, enhanced, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_threeDigitSubjectAndDetail_areAccepted() {
        assertThat(new SmtpStatus(550, "5.123.999", "x").enhanced()).isEqualTo("5.123.999");
        assertThat(new SmtpStatus(550, "5.7.30", "x").enhanced()).isEqualTo("5.7.30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\n250 ok", "line\nbreak", "tab\there", "caf\u00e9", "nul\u0000"})
    void constructor_unsafeText_isRejected(String text) {
        assertThatThrownBy(() -> new SmtpStatus(550, "5.7.1", text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_lineLongerThanRfc5321Allows_isRejected() {
        String fits = "x".repeat(SmtpStatus.MAX_LINE - "550 5.7.1 ".length());

        assertThat(new SmtpStatus(550, "5.7.1", fits).toString()).hasSize(SmtpStatus.MAX_LINE);
        assertThatThrownBy(() -> new SmtpStatus(550, "5.7.1", fits + "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withText_keepsCodes() {
        assertThat(new SmtpStatus(550, "5.7.1", "a").withText("b")).isEqualTo(new SmtpStatus(550, "5.7.1", "b"));
    }

    @Test
    void routes_withWrongClass_areRejected() {
        SmtpStatus temporary = new SmtpStatus(451, "4.4.3", "later");
        SmtpStatus permanent = new SmtpStatus(550, "5.7.1", "never");

        assertThatThrownBy(() -> new Route.Defer(permanent)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Route.Refuse(temporary)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Route.Defer(temporary).status()).isEqualTo(temporary);
        assertThat(new Route.Refuse(permanent).status()).isEqualTo(permanent);
    }
}
