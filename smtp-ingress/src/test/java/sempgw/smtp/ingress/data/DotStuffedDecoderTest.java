package sempgw.smtp.ingress.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class DotStuffedDecoderTest {

    /** Decodes {@code wire} fed in pieces of {@code piece} octets; returns content and leftover. */
    private static String[] decode(String wire, int piece) {
        byte[] in = wire.getBytes(StandardCharsets.ISO_8859_1);
        DotStuffedDecoder decoder = new DotStuffedDecoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < in.length && !decoder.ended()) {
            int n = Math.min(piece, in.length - pos);
            pos += decoder.decode(in, pos, n, out::write);
        }
        String leftover = new String(in, pos, in.length - pos, StandardCharsets.ISO_8859_1);
        return new String[] {out.toString(StandardCharsets.ISO_8859_1), leftover, String.valueOf(decoder.ended()),
                String.valueOf(decoder.sawBareCr())};
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain message      | a\\r\\nb\\r\\n.\\r\\n             | a\\r\\nb\\r\\n",
        "empty message      | .\\r\\n                          | ''",
        "stuffed dot        | ..x\\r\\n.\\r\\n                  | .x\\r\\n",
        "line of two dots   | ..\\r\\n.\\r\\n                   | .\\r\\n",
        "dot inside a line  | a.b\\r\\n.\\r\\n                  | a.b\\r\\n",
        "dot without CRLF   | a\\r\\n.b\\r\\n.\\r\\n             | a\\r\\nb\\r\\n",
        "bare LF line ends  | a\\nb\\r\\n.\\r\\n                | a\\r\\nb\\r\\n",
        "stuffed after LF   | a\\n..x\\r\\n.\\r\\n             | a\\r\\n.x\\r\\n",
        "dot line after LF  | a\\n.\\r\\n.\\r\\n               | a\\r\\n\\r\\n",
        "dot then bare LF   | a\\r\\n.\\nb\\r\\n.\\r\\n          | a\\r\\n\\r\\nb\\r\\n",
    })
    void decode_splitAtEveryOctet_givesTheSameContent(String name, String wire, String content) {
        String w = wire.strip().replace("\\r", "\r").replace("\\n", "\n");
        String expected = content.strip().replace("\\r", "\r").replace("\\n", "\n");
        for (int piece = 1; piece <= w.length(); piece++) {
            String[] r = decode(w, piece);
            assertThat(r[0]).as("piece %d", piece).isEqualTo(expected);
            assertThat(r[2]).isEqualTo("true");
            assertThat(r[3]).isEqualTo("false");
        }
    }

    @Test
    void decode_withBytesAfterTheEnd_leavesThemForTheNextCommand() {
        for (int piece = 1; piece < 20; piece++) {
            String[] r = decode("x\r\n.\r\nQUIT\r\n", piece);
            assertThat(r[0]).isEqualTo("x\r\n");
            assertThat(r[1]).isEqualTo("QUIT\r\n");
        }
    }

    @Test
    void decode_bareLfBeforeDot_doesNotEndTheData_smuggledCommandsStayContent() {
        for (int piece = 1; piece < 30; piece++) {
            String[] r = decode("a\n.\r\nMAIL FROM:<x>\r\n.\n.\r\nb\r\n.\r\n", piece);
            assertThat(r[0]).isEqualTo("a\r\n\r\nMAIL FROM:<x>\r\n\r\n\r\nb\r\n");
            assertThat(r[2]).isEqualTo("true");
            assertThat(r[3]).isEqualTo("false");
            assertThat(r[1]).isEmpty();
        }
    }

    @Test
    void decode_bareCrDotCr_doesNotEndTheData() {
        String[] r = decode("a\r.\r\nb\r\n.\r\n", 1);

        assertThat(r[0]).isEqualTo("a\r.\r\nb\r\n");
        assertThat(r[3]).isEqualTo("true");
    }

    @Test
    void decode_dotCrFollowedByOther_keepsTheCrAndFlagsIt() {
        String[] r = decode(".\rx\r\n.\r\n", 1);

        assertThat(r[0]).isEqualTo("\rx\r\n");
        assertThat(r[3]).isEqualTo("true");
    }

    @Test
    void decode_unterminated_consumesEverythingAndDoesNotEnd() {
        String[] r = decode("a\r\nb", 3);

        assertThat(r[0]).isEqualTo("a\r\nb");
        assertThat(r[2]).isEqualTo("false");
    }
}
