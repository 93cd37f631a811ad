package sempgw.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed input is a typed {@link JsonException}, never another exception, never a hang. */
final class JsonParserMalformedTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static Arguments c(String name, byte[] input, JsonError error) {
        return Arguments.of(Named.of(name, input), error);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                c("empty", utf8(""), JsonError.TRUNCATED),
                c("whitespace only", utf8("  \n"), JsonError.TRUNCATED),
                c("truncated object", utf8("{\"a\":1"), JsonError.TRUNCATED),
                c("truncated key", utf8("{\"a"), JsonError.TRUNCATED),
                c("truncated after colon", utf8("{\"a\":"), JsonError.TRUNCATED),
                c("truncated string", utf8("\"abc"), JsonError.TRUNCATED),
                c("truncated escape", utf8("\"\\"), JsonError.TRUNCATED),
                c("truncated unicode escape", utf8("\"\\u12"), JsonError.TRUNCATED),
                c("truncated literal", utf8("tru"), JsonError.TRUNCATED),
                c("truncated array", utf8("[1,2"), JsonError.TRUNCATED),
                c("trailing comma object", utf8("{\"a\":1,}"), JsonError.UNEXPECTED_CHARACTER),
                c("trailing comma array", utf8("[1,]"), JsonError.UNEXPECTED_CHARACTER),
                c("missing colon", utf8("{\"a\" 1}"), JsonError.UNEXPECTED_CHARACTER),
                c("unquoted key", utf8("{a:1}"), JsonError.UNEXPECTED_CHARACTER),
                c("single quotes", utf8("{'a':1}"), JsonError.UNEXPECTED_CHARACTER),
                c("bad literal", utf8("nul1"), JsonError.UNEXPECTED_CHARACTER),
                c("capital literal", utf8("True"), JsonError.UNEXPECTED_CHARACTER),
                c("two values", utf8("{} {}"), JsonError.TRAILING_DATA),
                c("trailing garbage", utf8("1 x"), JsonError.TRAILING_DATA),
                c("BOM", bytes(0xEF, 0xBB, 0xBF, '{', '}'), JsonError.UNEXPECTED_CHARACTER),
                c("comment", utf8("{}//"), JsonError.TRAILING_DATA),
                c("leading zero", utf8("01"), JsonError.INVALID_NUMBER),
                c("bare minus", utf8("-"), JsonError.INVALID_NUMBER),
                c("dot without digits", utf8("1."), JsonError.INVALID_NUMBER),
                c("exponent without digits", utf8("1e+"), JsonError.INVALID_NUMBER),
                c("plus sign", utf8("+1"), JsonError.UNEXPECTED_CHARACTER),
                c("NaN", utf8("NaN"), JsonError.UNEXPECTED_CHARACTER),
                c("huge number", utf8("1" + "0".repeat(400)), JsonError.NUMBER_TOO_LONG),
                c("huge exponent digits", utf8("1e" + "9".repeat(100)), JsonError.NUMBER_TOO_LONG),
                c("duplicate key", utf8("{\"a\":1,\"a\":2}"), JsonError.DUPLICATE_KEY),
                c("duplicate key after unescaping", utf8("{\"\\u0061\":1,\"a\":2}"), JsonError.DUPLICATE_KEY),
                c("nested duplicate key", utf8("{\"x\":{\"b\":1,\"b\":1}}"), JsonError.DUPLICATE_KEY),
                c("deep arrays 10000", utf8("[".repeat(10_000) + "]".repeat(10_000)), JsonError.TOO_DEEP),
                c("deep objects 10000", utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)), JsonError.TOO_DEEP),
                c("deep unterminated", utf8("[".repeat(100_000)), JsonError.TOO_DEEP),
                c("invalid byte FF", bytes('"', 0xFF, '"'), JsonError.INVALID_UTF8),
                c("lone continuation", bytes('"', 0x80, '"'), JsonError.INVALID_UTF8),
                c("overlong slash", bytes('"', 0xC0, 0xAF, '"'), JsonError.INVALID_UTF8),
                c("overlong 3-byte", bytes('"', 0xE0, 0x80, 0xAF, '"'), JsonError.INVALID_UTF8),
                c("UTF-8 surrogate", bytes('"', 0xED, 0xA0, 0x80, '"'), JsonError.INVALID_UTF8),
                c("above U+10FFFF", bytes('"', 0xF4, 0x90, 0x80, 0x80, '"'), JsonError.INVALID_UTF8),
                c("truncated sequence", bytes('"', 0xE2, 0x82, '"'), JsonError.INVALID_UTF8),
                c("invalid UTF-8 in key", bytes('{', '"', 0xFE, '"', ':', '1', '}'), JsonError.INVALID_UTF8),
                c("lone high surrogate", utf8("\"\\ud800\""), JsonError.LONE_SURROGATE),
                c("lone low surrogate", utf8("\"\\udc00\""), JsonError.LONE_SURROGATE),
                c("reversed pair", utf8("\"\\udc00\\ud800\""), JsonError.LONE_SURROGATE),
                c("high then letter escape", utf8("\"\\ud800\\n\""), JsonError.LONE_SURROGATE),
                c("bad escape", utf8("\"\\x41\""), JsonError.INVALID_ESCAPE),
                c("bad unicode hex", utf8("\"\\u12G4\""), JsonError.INVALID_ESCAPE),
                c("raw newline in string", utf8("\"a\nb\""), JsonError.CONTROL_CHARACTER),
                c("raw NUL in string", bytes('"', 0, '"'), JsonError.CONTROL_CHARACTER),
                c("raw tab in key", utf8("{\"a\tb\":1}"), JsonError.CONTROL_CHARACTER));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void parse_malformedInput_typedError(byte[] input, JsonError expected) {
        assertThatThrownBy(() -> JsonParser.parse(input))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void parse_wrongTopLevelType_wrongType() {
        assertThatThrownBy(() -> JsonParser.parseObject(utf8("[1]")))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.WRONG_TYPE));
    }

    @Test
    void withMaxBytes_raisedAboveTheWireDefault_stringsMayFillTheWholeInput() {
        JsonParser.Options large = JsonParser.Options.wire().withMaxBytes(64 * 1024 * 1024);

        assertThat(large.maxStringBytes()).isEqualTo(64 * 1024 * 1024);
        assertThat(new JsonParser.Options(1000, 8, 3, 8, 3, JsonParser.Compat.STRICT).withMaxBytes(5000).maxStringBytes()).isEqualTo(3);
    }

    @Test
    void parse_limits_enforced() {
        JsonParser.Options small = JsonParser.Options.wire().withMaxBytes(10);
        assertThatThrownBy(() -> JsonParser.parse(utf8("\"01234567890\""), small))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.INPUT_TOO_LARGE));
        JsonParser.Options shortStrings = new JsonParser.Options(1000, 8, 3, 8, 3, JsonParser.Compat.STRICT);
        assertThatThrownBy(() -> JsonParser.parse(utf8("\"abcd\""), shortStrings))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.STRING_TOO_LONG));
        assertThatThrownBy(() -> JsonParser.parse(utf8("\"ab\\nd\""), shortStrings))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.STRING_TOO_LONG));
        assertThatThrownBy(() -> JsonParser.parse(utf8("[1,2,3,4]"), shortStrings))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.TOO_MANY_ELEMENTS));
        assertThatThrownBy(() -> JsonParser.parse(utf8("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}"), shortStrings))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.TOO_MANY_ELEMENTS));
        assertThatThrownBy(() -> JsonParser.parse(utf8("123456789"), shortStrings))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.NUMBER_TOO_LONG));
    }

    @Test
    void parse_depthAtLimit_accepted() throws Exception {
        JsonParser.Options opt = JsonParser.Options.wire().withMaxDepth(64);
        assertThat(JsonParser.parse(utf8("[".repeat(64) + "]".repeat(64)), opt)).isInstanceOf(JsonArray.class);
        assertThatThrownBy(() -> JsonParser.parse(utf8("[".repeat(65) + "]".repeat(65)), opt)).isInstanceOf(JsonException.class);
    }

    @Test
    void parse_randomMutationsOfAnEnvelope_neverThrowUnchecked() {
        byte[] base = utf8("{\"type\":\"SEMP_ENVELOPE\",\"postmark\":{\"id\":\"01J\",\"hop_count\":2,\"x\":[1,2.5e3,true,null,\"\\u00e9\\ud83d\\ude00\"]},\"p\":\"é😀\"}");
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] m = base.clone();
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits; k++) {
                m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            }
            byte[] input = r.nextBoolean() ? m : java.util.Arrays.copyOf(m, r.nextInt(m.length + 1));
            for (JsonParser.Options o : new JsonParser.Options[] {JsonParser.Options.wire(), JsonParser.Options.goLenient()}) {
                try {
                    JsonValue v = JsonParser.parse(input, o);
                    assertThat(CanonicalJson.encode(v)).isNotNull();
                } catch (JsonException expected) {
                    assertThat(expected.error()).isNotNull();
                }
            }
        }
    }
}
