package sempgw.smtp.egress.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class DotStuffingOutputStreamTest {

    private static String stuff(String content, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) {
            out.write(bytes, i, Math.min(chunk, bytes.length - i));
        }
        out.finish();
        return sink.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void write_linesStartingWithDot_doubled() throws IOException {
        String in = ".first\r\nmiddle.\r\n.\r\n..two\r\nlast\r\n";

        assertThat(stuff(in, 4096)).isEqualTo("..first\r\nmiddle.\r\n..\r\n...two\r\nlast\r\n.\r\n");
    }

    @Test
    void write_splitAtEveryByte_sameOutput() throws IOException {
        String in = "Subject: x\r\n\r\n.\r\n.a\rb\nc.\r\n\r\n.";
        String whole = stuff(in, in.length());

        for (int chunk = 1; chunk < in.length(); chunk++) {
            assertThat(stuff(in, chunk)).as("chunk %d", chunk).isEqualTo(whole);
        }
    }

    @Test
    void write_crlfContent_unchangedApartFromStuffing() throws IOException {
        String in = "From: a@b\r\nTo: c@d\r\n\r\nbody with 8bit \u00e9\r\n";

        assertThat(stuff(in, 7)).isEqualTo(in + ".\r\n");
    }

    @Test
    void write_bareLfAndBareCr_sentAsCrlf() throws IOException {
        assertThat(stuff("a\nb\rc\r\n", 3)).isEqualTo("a\r\nb\r\nc\r\n.\r\n");
        assertThat(stuff("x\n.\n", 1)).isEqualTo("x\r\n..\r\n.\r\n");
    }

    @Test
    void write_lineOver998Octets_brokenWithCrlfSpaceAsPostfixDoes() throws IOException {
        String exact = "a".repeat(998);
        String longer = "b".repeat(2500);

        assertThat(stuff(exact + "\r\n", 100)).isEqualTo(exact + "\r\n.\r\n");
        assertThat(stuff("X: " + longer + "\r\n" + longer + "\r\n", 4096)).isEqualTo("X: " + "b".repeat(995) + "\r\n "
                + "b".repeat(997) + "\r\n " + "b".repeat(508) + "\r\n" + "b".repeat(998) + "\r\n " + "b".repeat(997) + "\r\n "
                + "b".repeat(505) + "\r\n.\r\n");
    }

    @Test
    void write_longLineStartingWithDot_stuffedOctetCounted_everyChunkingSame() throws IOException {
        String in = "." + "c".repeat(1500) + "\r\nnext\r\n";
        String whole = stuff(in, in.length());

        assertThat(whole).isEqualTo(".." + "c".repeat(996) + "\r\n " + "c".repeat(504) + "\r\nnext\r\n.\r\n");
        for (int chunk : new int[] {1, 2, 3, 997, 998, 999, 1000}) {
            assertThat(stuff(in, chunk)).as("chunk %d", chunk).isEqualTo(whole);
        }
        assertThat(whole.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }

    @Test
    void finish_contentWithoutFinalCrlf_completesLine() throws IOException {
        assertThat(stuff("no newline", 5)).isEqualTo("no newline\r\n.\r\n");
        assertThat(stuff("ends in cr\r", 5)).isEqualTo("ends in cr\r\n.\r\n");
        assertThat(stuff("", 1)).isEqualTo(".\r\n");
    }
}
