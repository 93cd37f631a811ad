package sempgw.smtp.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class SmtpReplyTest {

    @Test
    void line_joinsCodeEnhancedCodeAndText() {
        assertThat(Replies.relayDenied("a@b").line()).isEqualTo("554 5.7.1 <a@b>: Relay access denied");
        assertThat(Replies.START_DATA.line()).isEqualTo("354 End data with <CR><LF>.<CR><LF>");
    }

    @Test
    void create_mismatchedOrMultilineReply_isRejected() {
        assertThatThrownBy(() -> SmtpReply.of(550, "4.1.1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(250, "2.0.0", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(99, "", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
