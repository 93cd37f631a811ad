package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.core.json.JsonBool;
import sempgw.core.json.JsonNull;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;

/** Extension criticality, size limits and go's entry shape (EXTENSIONS.md §2-§4). */
final class ExtensionsTest {

    @Test
    void firstUnsupportedRequired_mixedEntries_namesOnlyUnknownRequired() {
        JsonObject ext = JsonObject.builder()
                .put("semp.dev/priority", Extensions.entry(false, JsonString.of("low")))
                .put("vendor.example.com/z", Extensions.entry(true, JsonObject.EMPTY))
                .put("vendor.example.com/a", Extensions.entry(true, JsonObject.EMPTY))
                .put("bare", JsonString.of("high"))
                .build();
        assertThat(Extensions.firstUnsupportedRequired(ext, Set.of())).hasValue("vendor.example.com/a");
        assertThat(Extensions.firstUnsupportedRequired(ext, Set.of("vendor.example.com/a"))).hasValue("vendor.example.com/z");
        assertThat(Extensions.firstUnsupportedRequired(ext, Set.of("vendor.example.com/a", "vendor.example.com/z"))).isEmpty();
    }

    @Test
    void limits_vector134_receiveAt1024BasedAndSendAt1000Based() {
        JsonObject kb3 = sized(3 * 1024);
        JsonObject kb5 = sized(5 * 1024);
        assertThat(Extensions.withinReceiveLimit(ExtensionLayer.POSTMARK, kb3)).isTrue();
        assertThat(Extensions.withinReceiveLimit(ExtensionLayer.POSTMARK, kb5)).isFalse();
        assertThat(Extensions.withinReceiveLimit(ExtensionLayer.SEAL, kb5)).isFalse();
        assertThat(Extensions.withinReceiveLimit(ExtensionLayer.BRIEF, sized(10 * 1024))).isTrue();
        assertThat(Extensions.withinReceiveLimit(ExtensionLayer.BRIEF, sized(20 * 1024))).isFalse();
        assertThat(Extensions.withinReceiveLimit(ExtensionLayer.ENCLOSURE, sized(50 * 1024))).isTrue();
        assertThat(Extensions.withinReceiveLimit(ExtensionLayer.ENCLOSURE, sized(70 * 1024))).isFalse();
        JsonObject between = sized(4050);
        assertThat(Extensions.withinReceiveLimit(ExtensionLayer.POSTMARK, between)).isTrue();
        assertThat(Extensions.withinSendLimit(ExtensionLayer.POSTMARK, between)).isFalse();
        assertThat(Extensions.size(JsonObject.EMPTY)).isZero();
    }

    @Test
    void goShape_entryWithExtrasOrMissingData_isReducedToRequiredAndData() {
        JsonObject ext = JsonObject.builder()
                .put("a", JsonObject.builder().put("required", JsonBool.TRUE).put("data", JsonString.of("v")).put("extra", JsonNumber.of(1)).build())
                .put("b", JsonObject.builder().put("required", JsonString.of("yes")).build())
                .put("c", JsonString.of("bare"))
                .build();
        JsonObject shaped = Extensions.goShape(ext);
        assertThat(shaped.getOrNull("a")).isEqualTo(Extensions.entry(true, JsonString.of("v")));
        assertThat(shaped.getOrNull("b")).isEqualTo(Extensions.entry(false, JsonNull.INSTANCE));
        assertThat(shaped.getOrNull("c")).isEqualTo(JsonString.of("bare"));
        JsonObject clean = JsonObject.builder().put("a", Extensions.entry(false, JsonNumber.of(2))).build();
        assertThat(Extensions.goShape(clean)).isEqualTo(clean);
    }

    private static JsonObject sized(int bytes) {
        JsonObject probe = JsonObject.builder().put("x.example/pad", Extensions.entry(false, JsonString.of(""))).build();
        int overhead = Extensions.size(probe);
        JsonObject o = JsonObject.builder().put("x.example/pad", Extensions.entry(false, JsonString.of("a".repeat(bytes - overhead)))).build();
        assertThat(Extensions.size(o)).isEqualTo(bytes);
        return o;
    }

    @Test
    void wellFormedKey_namespacedUpTo128Utf8BytesWithoutWhitespaceOrControls() {
        assertThat(Extensions.wellFormedKey("semp.dev/large-attachment")).isTrue();
        assertThat(Extensions.wellFormedKey("vendor.example.com/feature")).isTrue();
        assertThat(Extensions.wellFormedKey("x-experiment")).isTrue();
        assertThat(Extensions.wellFormedKey("vendor.example/" + "a".repeat(113))).as("128 bytes").isTrue();
        assertThat(Extensions.wellFormedKey("vendor.example/" + "é".repeat(56))).as("127 bytes").isTrue();

        assertThat(Extensions.wellFormedKey("vendor.example/" + "a".repeat(114))).as("129 bytes").isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example/" + "é".repeat(57))).as("129 bytes, 72 chars").isFalse();
        assertThat(Extensions.wellFormedKey("")).isFalse();
        assertThat(Extensions.wellFormedKey("feature")).as("no namespace").isFalse();
        assertThat(Extensions.wellFormedKey("x-")).isFalse();
        assertThat(Extensions.wellFormedKey("/feature")).isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example/")).isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example/a/b")).as("a second /").isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example\\a")).isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example/a b")).isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example/a\u00a0b")).isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example/a\nb")).isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example/a\u202eb")).as("bidi override").isFalse();
        assertThat(Extensions.wellFormedKey("vendor.example/a\ud800")).as("lone surrogate").isFalse();
    }
}
