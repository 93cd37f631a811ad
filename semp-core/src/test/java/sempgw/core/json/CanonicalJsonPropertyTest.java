package sempgw.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** canon(parse(canon(x))) == canon(x) for arbitrary trees, and canonical bytes parse strictly. */
final class CanonicalJsonPropertyTest {

    @Property(tries = 500)
    void canonicalize_parseOfCanonical_isFixedPoint(@ForAll("values") JsonValue x) throws Exception {
        byte[] once = CanonicalJson.encode(x);
        JsonValue parsed = JsonParser.parse(once);
        assertThat(CanonicalJson.encode(parsed)).isEqualTo(once);
    }

    @Property(tries = 300)
    void parse_canonicalOfWellFormedStrings_preservesValue(@ForAll("text") String s) throws Exception {
        JsonValue back = JsonParser.parse(CanonicalJson.encode(JsonString.of(s)));
        assertThat(back).isEqualTo(JsonString.of(s));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    }

    private static Arbitrary<String> keys() {
        Arbitrary<String> wellFormed = Arbitraries.strings().ofMaxLength(6)
                .filter(s -> s.chars().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
        return Arbitraries.oneOf(wellFormed,
                Arbitraries.of("a", "B", "\uFF61", "\uD83D\uDE00", "\u00e9", "<&>", "\u2028"));
    }

    @Provide
    Arbitrary<JsonValue> values() {
        return value(3);
    }

    private Arbitrary<JsonValue> value(int depth) {
        Arbitrary<JsonValue> leaf = Arbitraries.oneOf(
                text().map(s -> (JsonValue) JsonString.of(s)),
                Arbitraries.longs().map(n -> (JsonValue) JsonNumber.of(n)),
                Arbitraries.of("0", "-0", "1.5", "1e300", "-2.50E-7", "12345678901234567890").map(t -> (JsonValue) new JsonNumber(t)),
                Arbitraries.of(JsonBool.TRUE, JsonBool.FALSE, JsonNull.INSTANCE).map(v -> (JsonValue) v));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonValue> arrays = value(depth - 1).list().ofMaxSize(4).map(l -> (JsonValue) JsonArray.of(l));
        Arbitrary<JsonValue> objects = Arbitraries.maps(keys(), value(depth - 1)).ofMaxSize(5)
                .map(m -> (JsonValue) JsonObject.of(new LinkedHashMap<>(m)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, arrays),
                net.jqwik.api.Tuple.of(2, objects));
    }
}
