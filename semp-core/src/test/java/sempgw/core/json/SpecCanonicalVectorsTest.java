package sempgw.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.testing.SharedFiles;

/** VECTORS.md §3.1 and §3.2, read from the spec text itself so the test follows the document. */
final class SpecCanonicalVectorsTest {
    private static final Elision SEAL = Elision.builder()
            .blank("seal", "signature").blank("seal", "session_mac")
            .delete("postmark", "hop_count").delete("padding").build();

    /** The body of the first fenced block after {@code marker} within section {@code heading}. */
    static String block(String heading, String marker) {
        String spec = SharedFiles.spec("VECTORS.md");
        int at = spec.indexOf(heading);
        at = spec.indexOf(marker, at);
        Matcher m = Pattern.compile("```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL).matcher(spec);
        if (!m.find(at)) {
            throw new AssertionError("no code block after " + marker + " in " + heading);
        }
        return m.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"### 3.1 Vector: Minimal Envelope", "### 3.2 Vector: Envelope with Extensions"})
    void encode_specInput_equalsSpecCanonicalForm(String heading) throws Exception {
        String input = block(heading, "**Input envelope");
        String expected = block(heading, "**Expected canonical form");
        JsonValue tree = JsonParser.parse(input.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(CanonicalJson.encode(tree, SEAL), StandardCharsets.UTF_8)).isEqualTo(expected.strip());
    }
}
