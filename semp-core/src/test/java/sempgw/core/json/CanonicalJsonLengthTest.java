package sempgw.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link CanonicalJson#encodedLength} measures exactly what {@link CanonicalJson#encode} writes. */
final class CanonicalJsonLengthTest {
    private static final Elision SEAL_LIKE = Elision.builder()
            .blank("seal", "signature").delete("padding").build();

    @Property(tries = 300)
    void encodedLength_anyLongStrings_equalsEncodedBytes(@ForAll("documents") JsonValue doc) {
        assertThat(CanonicalJson.encodedLength(doc, Elision.NONE)).isEqualTo(CanonicalJson.encode(doc).length);
        assertThat(CanonicalJson.encodedLength(doc, SEAL_LIKE)).isEqualTo(CanonicalJson.encode(doc, SEAL_LIKE).length);
    }

    @Test
    void encodedLength_envelopeSizedTreeWithEscapes_equalsEncodedBytes() {
        Map<String, JsonValue> seal = new LinkedHashMap<>();
        seal.put("signature", JsonString.of("A".repeat(86) + "=="));
        seal.put("brief_recipients", JsonString.of("QUJD".repeat(3000)));
        Map<String, JsonValue> root = new LinkedHashMap<>();
        root.put("seal", JsonObject.of(seal));
        root.put("enclosure", JsonString.of("x".repeat(5000) + "<\u2028\u0001\"\\\u00e9\uD83D\uDE00".repeat(900)));
        root.put("padding", JsonString.of("p".repeat(9000)));
        root.put("n", JsonArray.of(java.util.List.of(JsonNumber.of(7), JsonBool.TRUE, JsonNull.INSTANCE)));
        JsonObject doc = JsonObject.of(root);

        assertThat(CanonicalJson.encodedLength(doc, Elision.NONE)).isEqualTo(CanonicalJson.encode(doc).length);
        assertThat(CanonicalJson.encodedLength(doc, SEAL_LIKE)).isEqualTo(CanonicalJson.encode(doc, SEAL_LIKE).length);
    }

    @Provide
    Arbitrary<JsonValue> documents() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(12_000),
                Arbitraries.strings().all().ofMaxLength(3_000),
                Arbitraries.strings().withChars('<', '\u2028', '\n', '\u00e9', 'a', '"').ofMaxLength(5_000));
        Arbitrary<JsonValue> seal = text.map(s -> (JsonValue) JsonObject.of(new LinkedHashMap<>(
                Map.of("signature", JsonString.of(s), "key_id", JsonString.of("k")))));
        return Arbitraries.maps(Arbitraries.of("seal", "padding", "brief", "b\u00e9", "z"),
                        Arbitraries.oneOf(seal, text.map(s -> (JsonValue) JsonString.of(s))))
                .ofMaxSize(5)
                .map(m -> (JsonValue) JsonObject.of(new LinkedHashMap<>(m)));
    }
}
