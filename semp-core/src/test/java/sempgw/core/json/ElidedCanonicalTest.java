package sempgw.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link ElidedCanonical}: its bytes are {@link CanonicalJson#encode(JsonValue, Elision)}'s, and
 * what it restores is, byte for byte, {@link CanonicalJson#encode(JsonValue)} of the tree with the
 * new values in place.
 */
final class ElidedCanonicalTest {
    private static final List<String> SIGNATURE = List.of("seal", "signature");
    private static final List<String> MAC = List.of("seal", "mac");
    private static final List<String> HOP = List.of("seal", "hop");
    private static final List<String> PADDING = List.of("padding");
    private static final Elision SCOPE = Elision.builder()
            .blank(SIGNATURE.toArray(String[]::new)).blank(MAC.toArray(String[]::new))
            .delete(HOP.toArray(String[]::new)).delete(PADDING.toArray(String[]::new)).build();

    @Property(tries = 400)
    void restore_anyTreeAndNewValues_equalsEncodingTheChangedTree(@ForAll("documents") JsonObject doc,
                                                                  @ForAll("values") List<JsonValue> values) {
        ElidedCanonical c = CanonicalJson.encodeElided(doc, SCOPE);
        Map<List<String>, JsonValue> changes = changes(doc, values);
        JsonObject changed = doc;
        for (Map.Entry<List<String>, JsonValue> e : changes.entrySet()) {
            changed = set(changed, e.getKey(), e.getValue());
        }

        assertThat(c.bytes()).isEqualTo(CanonicalJson.encode(doc, SCOPE));
        assertThat(c.restore(Map.of())).isEqualTo(CanonicalJson.encode(doc));
        assertThat(c.restore(changes)).isEqualTo(CanonicalJson.encode(changed));
        assertThat(c.restoredLength(changes)).isEqualTo(CanonicalJson.encode(changed).length);
    }

    @Test
    void restore_blankOfAbsentMember_staysOutUnlessGiven() {
        JsonObject doc = JsonObject.builder().put("a", 1).put("seal", JsonObject.builder().put("algorithm", "x").build()).build();
        ElidedCanonical c = CanonicalJson.encodeElided(doc, SCOPE);

        assertThat(new String(c.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1,\"seal\":{\"algorithm\":\"x\",\"mac\":\"\",\"signature\":\"\"}}");
        assertThat(c.restore(Map.of())).isEqualTo(CanonicalJson.encode(doc));
        assertThat(new String(c.restore(Map.of(MAC, JsonString.of("m<"))), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1,\"seal\":{\"algorithm\":\"x\",\"mac\":\"m\\u003c\"}}");
    }

    @Test
    void restore_elidedMemberFirstInItsObject_isRefused() {
        JsonObject doc = JsonObject.builder().put("padding", "p").put("z", 1).build();
        ElidedCanonical c = CanonicalJson.encodeElided(doc, SCOPE);

        assertThat(c.bytes()).isEqualTo(CanonicalJson.encode(doc, SCOPE));
        assertThatThrownBy(() -> c.restore(Map.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("padding");
    }

    @Test
    void restore_pathThatIsNoElidedMember_isRefused() {
        ElidedCanonical c = CanonicalJson.encodeElided(JsonObject.builder().put("a", 1).build(), SCOPE);

        assertThatThrownBy(() -> c.restore(Map.of(PADDING, JsonString.of("")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.restore(Map.of(List.of("a"), JsonString.of("")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytes_isACopy() {
        ElidedCanonical c = CanonicalJson.encodeElided(JsonObject.builder().put("a", 1).put("padding", "p").build(), SCOPE);
        c.bytes()[0] = 'x';

        assertThat(c.bytes()[0]).isEqualTo((byte) '{');
    }

    /** Values for the elided members the document has: every blank of an existing seal, and what is there to delete. */
    private static Map<List<String>, JsonValue> changes(JsonObject doc, List<JsonValue> values) {
        Map<List<String>, JsonValue> out = new HashMap<>();
        if (doc.getOrNull("seal") instanceof JsonObject seal) {
            out.put(SIGNATURE, values.get(0));
            out.put(MAC, values.get(1));
            if (seal.has("hop")) {
                out.put(HOP, values.get(2));
            }
        }
        if (doc.has("padding")) {
            out.put(PADDING, values.get(3));
        }
        if (values.get(4) instanceof JsonBool) {
            out.remove(SIGNATURE);
            out.remove(PADDING);
        }
        return out;
    }

    private static JsonObject set(JsonObject o, List<String> path, JsonValue value) {
        if (path.size() == 1) {
            return o.with(path.getFirst(), value);
        }
        return o.with(path.getFirst(), set((JsonObject) o.getOrNull(path.getFirst()), path.subList(1, path.size()), value));
    }

    @Provide
    Arbitrary<JsonObject> documents() {
        Arbitrary<JsonValue> leaf = leaves();
        Arbitrary<JsonValue> seal = Arbitraries.maps(Arbitraries.of("signature", "mac", "hop", "key_id", "z\u00e9"), leaf).ofMaxSize(5)
                .map(m -> {
                    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>(m);
                    members.put("algorithm", JsonString.of("x25519"));
                    return (JsonValue) JsonObject.of(members);
                });
        Arbitrary<JsonValue> nested = Arbitraries.maps(Arbitraries.of("padding", "seal", "signature"), leaf).ofMaxSize(3)
                .map(m -> {
                    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>(m);
                    members.put("k", JsonString.of("first"));
                    return (JsonValue) JsonObject.of(members);
                });
        return Arbitraries.maps(Arbitraries.of("brief", "b\u00e9", "padding", "seal", "z", "\u2028k", "o"),
                        Arbitraries.oneOf(leaf, seal, nested))
                .ofMaxSize(7)
                .map(m -> {
                    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>(m);
                    members.put("a", JsonNumber.of(1));
                    return JsonObject.of(members);
                });
    }

    @Provide
    Arbitrary<List<JsonValue>> values() {
        return Combinators.combine(leaves(), leaves(), leaves(), leaves(), leaves()).as(List::of);
    }

    private static Arbitrary<JsonValue> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(3_000).map(s -> (JsonValue) JsonString.of(s)),
                Arbitraries.strings().withChars('<', '\u2028', '\n', '\u00e9', 'a', '"', '\uD83D').ofMaxLength(50).map(s -> (JsonValue) JsonString.of(s)),
                Arbitraries.longs().map(n -> (JsonValue) JsonNumber.of(n)),
                Arbitraries.of(JsonBool.TRUE, JsonNull.INSTANCE).map(v -> (JsonValue) v),
                Arbitraries.just(JsonArray.of(List.of(JsonNumber.of(7), JsonString.of("q")))));
    }
}
