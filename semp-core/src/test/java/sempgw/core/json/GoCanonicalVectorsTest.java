package sempgw.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.core.testing.SharedFiles.b64;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.crypto.Ed25519PrivateKey;
import sempgw.core.crypto.Ed25519PublicKey;
import sempgw.core.crypto.HmacSha256;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.testing.SharedFiles;

/** semp-go canonical.json: envelope cases, string escapes and generic values (ENVELOPE.md §4.3). */
final class GoCanonicalVectorsTest {
    private static final JsonNode V = SharedFiles.goVectors("canonical.json");
    private static final Elision SEAL = Elision.builder()
            .blank("seal", "signature").blank("seal", "session_mac")
            .delete("postmark", "hop_count").delete("padding").build();

    static Stream<Arguments> envelopeCases() {
        return StreamSupport.stream(V.get("envelope_cases").spliterator(), false)
                .map(c -> Arguments.of(Named.of(c.get("name").asText(), c)));
    }

    static Stream<Arguments> stringEscapes() {
        return StreamSupport.stream(V.get("string_escapes").spliterator(), false)
                .map(c -> Arguments.of(Named.of(c.get("code_point_hex").asText(), c)));
    }

    static Stream<Arguments> genericValues() {
        return StreamSupport.stream(V.get("generic_values").spliterator(), false)
                .map(c -> Arguments.of(Named.of(c.get("name").asText(), c)));
    }

    private static JsonValue lenient(byte[] input) throws JsonException {
        return JsonParser.parse(input, JsonParser.Options.goLenient());
    }

    @ParameterizedTest
    @MethodSource("envelopeCases")
    void canonicalize_receivedTree_equalsTreeCanonical(JsonNode c) throws Exception {
        byte[] ours = CanonicalJson.encode(lenient(b64(c.get("input_b64").asText())), SEAL);
        assertThat(new String(ours, StandardCharsets.UTF_8))
                .isEqualTo(new String(b64(c.get("tree_canonical_b64").asText()), StandardCharsets.UTF_8));
        assertThat(ours).isEqualTo(b64(c.get("tree_canonical_b64").asText()));
        if (c.get("tree_equals_go").asBoolean()) {
            assertThat(ours).isEqualTo(b64(c.get("go_canonical_b64").asText()));
        } else {
            assertThat(ours).isNotEqualTo(b64(c.get("go_canonical_b64").asText()));
        }
    }

    @ParameterizedTest
    @MethodSource("envelopeCases")
    void verify_treeSignatureAndMac_overOurCanonicalBytes(JsonNode c) throws Exception {
        byte[] canonical = CanonicalJson.encode(lenient(b64(c.get("input_b64").asText())), SEAL);
        Ed25519PublicKey pub = Ed25519PublicKey.of(SharedFiles.hex(V.get("signing_key").get("public_key_hex").asText()));
        SecretBytes mac = SecretBytes.copyOf(SharedFiles.hex(V.get("K_env_mac_hex").asText()));
        assertThat(pub.verify(SignatureContext.ENVELOPE, canonical, b64(c.get("tree_signature_b64").asText()))).isTrue();
        assertThat(HmacSha256.INSTANCE.verify(mac, canonical, b64(c.get("tree_session_mac_b64").asText()))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("envelopeCases")
    void sign_goCanonicalBytes_reproducesGoSignatureAndMac(JsonNode c) throws Exception {
        byte[] goCanonical = b64(c.get("go_canonical_b64").asText());
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(SharedFiles.hex(V.get("signing_key").get("seed_hex").asText()));
        SecretBytes mac = SecretBytes.copyOf(SharedFiles.hex(V.get("K_env_mac_hex").asText()));
        assertThat(key.sign(SignatureContext.ENVELOPE, goCanonical)).isEqualTo(b64(c.get("signature_b64").asText()));
        assertThat(HmacSha256.INSTANCE.compute(mac, goCanonical)).isEqualTo(b64(c.get("session_mac_b64").asText()));
    }

    @ParameterizedTest
    @MethodSource("envelopeCases")
    void verify_goSignedWire_withOurVerifier(JsonNode c) throws Exception {
        byte[] wire = b64(c.get("go_signed_wire_b64").asText());
        JsonObject env = JsonParser.parseObject(wire, JsonParser.Options.goLenient());
        JsonObject seal = env.requireObject("seal");
        byte[] canonical = CanonicalJson.encode(env, SEAL);
        Ed25519PublicKey pub = Ed25519PublicKey.of(SharedFiles.hex(V.get("signing_key").get("public_key_hex").asText()));
        SecretBytes mac = SecretBytes.copyOf(SharedFiles.hex(V.get("K_env_mac_hex").asText()));
        assertThat(canonical).isEqualTo(b64(c.get("go_canonical_b64").asText()));
        assertThat(pub.verify(SignatureContext.ENVELOPE, canonical, b64(seal.requireString("signature")))).isTrue();
        assertThat(HmacSha256.INSTANCE.verify(mac, canonical, b64(seal.requireString("session_mac")))).isTrue();
    }

    @Test
    void parse_goVectorsWithDuplicateOrInvalidText_strictParserRejects() throws Exception {
        // non_ascii_key_order spells one key both as "\u00e9" and raw: a duplicate once decoded.
        for (JsonNode c : V.get("envelope_cases")) {
            String name = c.get("name").asText();
            byte[] input = b64(c.get("input_b64").asText());
            switch (name) {
                case "duplicate_key", "non_ascii_key_order" -> assertThatThrownBy(() -> JsonParser.parse(input))
                        .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.DUPLICATE_KEY));
                case "invalid_utf8_and_lone_surrogate" -> assertThatThrownBy(() -> JsonParser.parse(input))
                        .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error())
                                .isIn(JsonError.INVALID_UTF8, JsonError.LONE_SURROGATE));
                default -> assertThat(CanonicalJson.encode(JsonParser.parse(input), SEAL))
                        .isEqualTo(b64(c.get("tree_canonical_b64").asText()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stringEscapes")
    void encode_codePoint_matchesGoEscaping(JsonNode c) throws Exception {
        byte[] expected = b64(c.get("canonical_b64").asText());
        if (c.get("code_point").isNull()) {
            byte[] invalid = b64(c.get("input_b64").asText());
            assertThat(CanonicalJson.encode(lenient(invalid))).isEqualTo(expected);
            assertThatThrownBy(() -> JsonParser.parse(invalid))
                    .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.error()).isEqualTo(JsonError.INVALID_UTF8));
            return;
        }
        JsonValue parsed = JsonParser.parse(c.get("input_json").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalJson.encode(parsed)).isEqualTo(expected);
        String raw = new String(Character.toChars(c.get("code_point").asInt()));
        assertThat(CanonicalJson.encodeString(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("genericValues")
    void encode_genericValue_matchesGo(JsonNode c) throws Exception {
        JsonValue parsed = lenient(c.get("input_text").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(new String(CanonicalJson.encode(parsed), StandardCharsets.UTF_8))
                .isEqualTo(new String(b64(c.get("canonical_b64").asText()), StandardCharsets.UTF_8));
    }
}
