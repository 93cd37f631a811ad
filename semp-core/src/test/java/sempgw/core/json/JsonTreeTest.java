package sempgw.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tree accessors, builders, elision and ordering. */
final class JsonTreeTest {

    private static String canon(JsonValue v, Elision e) {
        return new String(CanonicalJson.encode(v, e), StandardCharsets.UTF_8);
    }

    @Test
    void accessors_presentAbsentAndMistyped_typedResults() throws Exception {
        JsonObject o = JsonParser.parseObject("{\"s\":\"x\",\"n\":12,\"f\":1.5,\"b\":true,\"z\":null,\"a\":[\"p\",\"q\"],\"o\":{}}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(o.requireString("s")).isEqualTo("x");
        assertThat(o.requireLong("n")).isEqualTo(12);
        assertThat(o.requireBoolean("b")).isTrue();
        assertThat(o.requireArray("a").requireStrings()).containsExactly("p", "q");
        assertThat(o.optionalString("z")).isEmpty();
        assertThat(o.optionalString("missing")).isEmpty();
        assertThat(o.optionalObject("o")).contains(JsonObject.EMPTY);
        assertThatThrownBy(() -> o.requireString("missing"))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.MISSING_FIELD));
        assertThatThrownBy(() -> o.requireString("n"))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.WRONG_TYPE));
        assertThatThrownBy(() -> o.optionalString("b"))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.WRONG_TYPE));
        assertThatThrownBy(() -> o.requireLong("f"))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.INVALID_VALUE));
        assertThatThrownBy(() -> new JsonNumber("99999999999999999999").longValue())
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.INVALID_VALUE));
        assertThatThrownBy(() -> new JsonNumber("1e99999999999").bigDecimalValue())
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.INVALID_VALUE));
        assertThat(new JsonNumber("-2.50E-7").bigDecimalValue()).isEqualByComparingTo("-0.00000025");
        assertThat(o.toString()).doesNotContain("\"x\"");
    }

    @Test
    void builder_withAndWithout_keepOrderAndImmutability() {
        JsonObject o = JsonObject.builder().put("b", "1").put("a", 2L).put("c", true).build();
        assertThat(o.keys()).containsExactly("b", "a", "c");
        JsonObject o2 = o.with("a", JsonNull.INSTANCE).with("d", JsonArray.EMPTY).without("b");
        assertThat(o2.keys()).containsExactly("a", "c", "d");
        assertThat(o.keys()).containsExactly("b", "a", "c");
        assertThat(canon(o2, Elision.NONE)).isEqualTo("{\"a\":null,\"c\":true,\"d\":[]}");
        assertThatThrownBy(() -> o.members().put("x", JsonNull.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new JsonNumber("1.")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elision_blankAndDelete_appliedWithoutTouchingTheTree() throws Exception {
        JsonObject env = JsonParser.parseObject(("{\"seal\":{\"signature\":\"S\",\"key_id\":\"k\"},\"postmark\":{\"hop_count\":3,\"id\":\"i\"},"
                + "\"padding\":\"PP\",\"z\":{\"hop_count\":1}}").getBytes(StandardCharsets.UTF_8));
        Elision e = Elision.builder().blank("seal", "signature").blank("seal", "session_mac")
                .delete("postmark", "hop_count").delete("padding").build();
        assertThat(canon(env, e)).isEqualTo(
                "{\"postmark\":{\"id\":\"i\"},\"seal\":{\"key_id\":\"k\",\"session_mac\":\"\",\"signature\":\"\"},\"z\":{\"hop_count\":1}}");
        assertThat(env.requireObject("seal").requireString("signature")).isEqualTo("S");
        assertThat(canon(JsonObject.EMPTY, e)).isEqualTo("{}");
        assertThatThrownBy(() -> Elision.builder().blank("a").delete("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Elision.builder().delete("a").blank("a", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void order_supplementaryVersusHighBmp_followsUtf8Bytes() {
        JsonObject o = JsonObject.builder().put("\uD83D\uDE00", 1L).put("\uFF61", 2L).put("\uE000", 3L).put("z", 4L).build();
        assertThat(canon(o, Elision.NONE)).isEqualTo("{\"z\":4,\"\uE000\":3,\"\uFF61\":2,\"\uD83D\uDE00\":1}");
    }

    @Test
    void encode_loneSurrogateInBuiltString_writesReplacementCharacter() {
        assertThat(new String(CanonicalJson.encodeString("a\uD800b"), StandardCharsets.UTF_8)).isEqualTo("\"a\uFFFDb\"");
    }

    @Test
    void encode_longStringWithPairsAcrossChunkBoundaries_isExactUtf8() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append(i % 7 == 0 ? "\uD83D\uDE00" : i % 5 == 0 ? "<" : "a");
        }
        String s = sb.toString();
        for (int shift = 0; shift < 3; shift++) {
            String t = "x".repeat(shift) + s;
            byte[] out = CanonicalJson.encodeString(t);
            String expected = "\"" + t.replace("<", "\\u003c") + "\"";
            assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(JsonParser.parse(out)).isEqualTo(JsonString.of(t));
        }
    }

    @Test
    void encode_longStringsNearTheAsciiFastPath_encodeExactly() {
        String base = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
        String[] specials = {"?", "\u4e2d", "\u00e9", "<", "\u007f", "\u0001", "\"", "\u2028", "\uD83D\uDE00", "/"};
        String[] expected = {"?", "\u4e2d", "\u00e9", "\\u003c", "\u007f", "\\u0001", "\\\"", "\\u2028", "\uD83D\uDE00", "/"};
        for (int i = 0; i < specials.length; i++) {
            String s = base + specials[i] + base;
            assertThat(new String(CanonicalJson.encodeString(s), StandardCharsets.UTF_8))
                    .isEqualTo("\"" + base + expected[i] + base + "\"");
        }
    }

    @Test
    void encode_prefixOverload_prependsPrefix() {
        byte[] out = CanonicalJson.encode("P:".getBytes(StandardCharsets.US_ASCII), JsonObject.builder().put("a", 1L).build(), Elision.NONE);
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("P:{\"a\":1}");
    }
}
