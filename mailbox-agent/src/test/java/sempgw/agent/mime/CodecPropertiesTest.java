package sempgw.agent.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Encoders and decoders are inverse, and encoders keep their line limits. */
final class CodecPropertiesTest {

    @Property(tries = 300)
    void quotedPrintable_decodeInvertsEncode_linesWithinLimit(@ForAll @Size(max = 600) byte[] data, @ForAll @IntRange(min = 8, max = 120) int line)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuotedPrintable.encode(data, line, out);
        byte[] encoded = out.toByteArray();

        assertThat(QuotedPrintable.decode(Slice.of(encoded))).isEqualTo(data);
        for (String l : new String(encoded, StandardCharsets.ISO_8859_1).split("\r\n", -1)) {
            assertThat(l.length()).isLessThanOrEqualTo(line);
            assertThat(l.chars().allMatch(c -> c >= 32 && c < 127 || c == '\t')).isTrue();
        }
    }

    @Property(tries = 200)
    void base64_decodeInvertsEncode(@ForAll @Size(max = 600) byte[] data, @ForAll @IntRange(min = 0, max = 40) int quads, @ForAll boolean eol)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Base64Codec.encode(data, quads * 4, eol, out);

        assertThat(Base64Codec.decode(Slice.of(out.toByteArray()))).isEqualTo(data);
    }

    @Property(tries = 200)
    void encodedWords_decodeInvertsEncode_wordsWithin75(@ForAll @StringLength(max = 200) String text) {
        String encoded = EncodedWords.encode(text);

        assertThat(EncodedWords.decode(encoded.replace("\r\n", ""))).isEqualTo(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        for (String word : encoded.split("\r\n ")) {
            assertThat(word.length()).isLessThanOrEqualTo(75);
        }
    }

    @Property(tries = 200)
    void messageIds_syntheticRecoversSempId(@ForAll @StringLength(min = 1, max = 60) String id) {
        String valid = new String(id.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String synthetic = MessageIds.synthetic(valid);

        assertThat(MessageIds.parse(synthetic)).hasSize(1);
        assertThat(MessageIds.sempId(MessageIds.parse(synthetic).getFirst())).contains(valid);
    }
}
