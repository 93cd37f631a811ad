package sempgw.smtp.egress.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SmtpReplyTest {

    private static ReplyReader reader(String wire) {
        return new ReplyReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void read_multiLineReply_collectsLinesAndEnhancedCode() throws IOException {
        SmtpReply reply = reader("550-5.1.1 <bob@example.org>: no such user\r\n550 5.1.1 see https://example.org/help\r\n").read();

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).contains(new EnhancedStatus(5, 1, 1));
        assertThat(reply.isPermanent()).isTrue();
        assertThat(reply.oneLine()).isEqualTo("550 5.1.1 <bob@example.org>: no such user see https://example.org/help");
    }

    @Test
    void read_consecutiveReplies_returnsThemInOrder() throws IOException {
        ReplyReader r = reader("250 2.1.0 Ok\r\n451 4.3.0 try later\r\n354 go\r\n");

        assertThat(r.read().isPositive()).isTrue();
        assertThat(r.read().isTransient()).isTrue();
        SmtpReply data = r.read();
        assertThat(data.isIntermediate()).isTrue();
        assertThat(data.status()).isEmpty();
    }

    @Test
    void read_bareLfAndCodeOnly_accepted() throws IOException {
        SmtpReply reply = reader("250\n").read();

        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.lines()).containsExactly("");
    }

    @Test
    void read_enhancedCodeOfOtherClass_notTakenAsStatus() throws IOException {
        assertThat(reader("450 5.1.1 odd server\r\n").read().status()).isEmpty();
    }

    @Test
    void read_codeChangesMidReply_protocolError() {
        assertThatThrownBy(() -> reader("250-first\r\n251 second\r\n").read()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void read_garbageLine_protocolError() {
        assertThatThrownBy(() -> reader("hello there\r\n").read()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("25O ok\r\n").read()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void read_overlongLine_protocolError() {
        assertThatThrownBy(() -> reader("250 " + "x".repeat(ReplyReader.MAX_LINE) + "\r\n").read())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("longer than");
    }

    @Test
    void read_endOfStream_eof() {
        assertThatThrownBy(() -> reader("250-partial\r\n").read()).isInstanceOf(EOFException.class);
    }

    @Test
    void hasBufferedInput_afterReadingOneOfTwoReplies_true() throws IOException {
        ReplyReader r = reader("220 ready\r\n250 injected\r\n");
        r.read();
        assertThat(r.hasBufferedInput()).isTrue();
        r.read();
        assertThat(r.hasBufferedInput()).isFalse();
    }

    @Test
    void enhancedStatus_find_skipsAddressesAndPicksStandaloneCode() {
        assertThat(EnhancedStatus.find("host mx[192.0.2.1]:25 said: 550 5.7.1 relay denied")).contains(new EnhancedStatus(5, 7, 1));
        assertThat(EnhancedStatus.find("556 5.1.10 null MX")).contains(new EnhancedStatus(5, 1, 10));
        assertThat(EnhancedStatus.find("connect to 10.2.3.4 failed")).isEmpty();
        assertThat(EnhancedStatus.parse("6.1.1")).isEmpty();
        assertThat(EnhancedStatus.atStart("5.1.1x")).isEmpty();
        assertThat(SmtpReply.of(550, List.of("5.1.1 a")).status()).isEqualTo(Optional.of(new EnhancedStatus(5, 1, 1)));
    }
}
