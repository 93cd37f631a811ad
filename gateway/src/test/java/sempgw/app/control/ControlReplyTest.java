package sempgw.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ControlReplyTest {

    @Test
    void encode_multiLine_smtpStyleContinuation() {
        assertThat(new ControlReply(200, List.of("a", "b", "c")).encode()).isEqualTo("200-a\n200-b\n200 c\n");
    }

    @Test
    void encode_lineBreakInText_cannotBreakFraming() {
        assertThat(ControlReply.of(550, "x\n200 forged").encode()).isEqualTo("550 x?200 forged\n");
    }

    @Test
    void decoder_readsUntilLastLine() {
        ControlReply.Decoder d = new ControlReply.Decoder();
        assertThat(d.add("200-one")).isNull();
        assertThat(d.add("200 two")).isEqualTo(new ControlReply(200, List.of("one", "two")));
    }

    @Test
    void decoder_garbage_rejected() {
        assertThatThrownBy(() -> new ControlReply.Decoder().add("hello")).isInstanceOf(IllegalArgumentException.class);
    }
}
