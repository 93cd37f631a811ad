package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;

/** The envelope codec: semp-go's field sets out, typed errors in (SPEC-DIGEST-WIRE §2.5). */
final class EnvelopeCodecTest {
    private static final Envelope MINIMAL = new Envelope(Envelope.VERSION,
            Postmark.of("01JPOSTMARK", "01JSESSION", "a.example", "b.example", Instant.parse("2026-06-01T13:00:00Z")),
            Seal.unsigned(SuiteId.X25519_CHACHA20_POLY1305, Map.of("aa", "AA=="), Map.of("bb", "BB==")),
            "YnJpZWY=", "ZW5j", "");

    private static String wire(Envelope e) {
        return new String(EnvelopeCodec.encode(e), StandardCharsets.UTF_8);
    }

    private static EnvelopeFormatException decodeError(String json) {
        try {
            EnvelopeCodec.decode(json.getBytes(StandardCharsets.UTF_8), 1 << 20);
        } catch (EnvelopeFormatException e) {
            return e;
        }
        throw new AssertionError("decoded: " + json);
    }

    @Test
    void encode_minimal_hasExactlyGoFieldSets() {
        assertThat(wire(MINIMAL)).isEqualTo("{\"brief\":\"YnJpZWY=\",\"enclosure\":\"ZW5j\",\"padding\":\"\","
                + "\"postmark\":{\"expires\":\"2026-06-01T13:00:00Z\",\"from_domain\":\"a.example\",\"id\":\"01JPOSTMARK\","
                + "\"session_id\":\"01JSESSION\",\"to_domain\":\"b.example\"},"
                + "\"seal\":{\"algorithm\":\"x25519-chacha20-poly1305\",\"brief_recipients\":{\"aa\":\"AA==\"},"
                + "\"enclosure_recipients\":{\"bb\":\"BB==\"},\"first_contact_token\":null,\"key_id\":\"\","
                + "\"session_mac\":\"\",\"signature\":\"\"},\"type\":\"SEMP_ENVELOPE\",\"version\":\"1.0.0\"}");
    }

    @Test
    void encode_hopCountAndExtensions_areWrittenWhenPresent() {
        JsonObject ext = JsonObject.builder().put("x.example/p", Extensions.entry(false, JsonString.of("v"))).build();
        Envelope e = MINIMAL.withPostmark(new Postmark("01JPOSTMARK", "01JSESSION", "a.example", "b.example",
                Instant.parse("2026-06-01T13:00:00Z"), java.util.OptionalLong.of(0), ext));
        assertThat(wire(e)).contains("\"hop_count\":0").contains("\"extensions\":{\"x.example/p\":{\"data\":\"v\",\"required\":false}}");
        assertThat(EnvelopeCanonical.of(e)).asString(StandardCharsets.UTF_8).doesNotContain("hop_count").doesNotContain("padding");
    }

    @Test
    void decode_encoded_roundTrips() throws Exception {
        ReceivedEnvelope r = EnvelopeCodec.decode(EnvelopeCodec.encode(MINIMAL), 4096);
        assertThat(r.envelope()).isEqualTo(MINIMAL);
        assertThat(r.tree()).isEqualTo(EnvelopeCodec.toJson(MINIMAL));
    }

    @Test
    void decode_goExtras_areToleratedAndKeptInTheTree() throws Exception {
        String json = wire(MINIMAL).replace("\"type\":", "\"x_future\":[1,2],\"type\":").replace(",\"padding\":\"\"", "");
        ReceivedEnvelope r = EnvelopeCodec.decode(json.getBytes(StandardCharsets.UTF_8), 4096);
        assertThat(r.envelope().padding()).isEmpty();
        assertThat(r.tree().has("x_future")).isTrue();
        assertThat(r.canonicalBytes()).asString(StandardCharsets.UTF_8).contains("x_future");
        assertThat(EnvelopeCanonical.of(r.envelope())).asString(StandardCharsets.UTF_8).doesNotContain("x_future");
    }

    @Test
    void decode_wrongTypeField_isNotAnEnvelope() {
        assertThat(decodeError(wire(MINIMAL).replace("SEMP_ENVELOPE", "SEMP_HANDSHAKE")).error()).isEqualTo(FormatError.NOT_AN_ENVELOPE);
        assertThat(decodeError("[1]").error()).isEqualTo(FormatError.MALFORMED_JSON);
    }

    @Test
    void decode_otherMajorVersion_isVersionUnsupported() {
        EnvelopeFormatException e = decodeError(wire(MINIMAL).replace("1.0.0", "2.0.0"));
        assertThat(e.error()).isEqualTo(FormatError.VERSION_UNSUPPORTED);
        assertThat(e.error().reason()).hasValue(sempgw.core.SempReason.VERSION_UNSUPPORTED);
        assertThat(decodeError(wire(MINIMAL).replace("1.0.0", "1.0")).error()).isEqualTo(FormatError.INVALID_VALUE);
    }

    @Test
    void decode_fieldErrors_nameThePath() {
        EnvelopeFormatException missing = decodeError(wire(MINIMAL).replace("\"id\":\"01JPOSTMARK\",", ""));
        assertThat(missing.error()).isEqualTo(FormatError.MISSING_FIELD);
        assertThat(missing.field()).isEqualTo("postmark.id");
        EnvelopeFormatException wrong = decodeError(wire(MINIMAL).replace("\"AA==\"", "7"));
        assertThat(wrong.error()).isEqualTo(FormatError.WRONG_TYPE);
        assertThat(wrong.field()).isEqualTo("seal.brief_recipients");
        assertThat(decodeError(wire(MINIMAL).replace("\"b.example\"", "\"B.example\"")).field()).isEqualTo("postmark.to_domain");
        assertThat(decodeError(wire(MINIMAL).replace("2026-06-01T13:00:00Z", "soon")).field()).isEqualTo("postmark.expires");
        assertThat(decodeError(wire(MINIMAL).replace("\"session_id\"", "\"hop_count\":-1,\"session_id\"")).error()).isEqualTo(FormatError.INVALID_VALUE);
    }

    @Test
    void decode_oversize_isTooLargeWithSizeReason() {
        byte[] big = wire(MINIMAL.withPadding("A".repeat(5000))).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EnvelopeCodec.decode(big, 4096)).isInstanceOfSatisfying(EnvelopeFormatException.class, e -> {
            assertThat(e.error()).isEqualTo(FormatError.TOO_LARGE);
            assertThat(e.error().reason()).hasValue(sempgw.core.SempReason.ENVELOPE_SIZE_EXCEEDED);
        });
    }

    @Test
    void decode_firstContactToken_isKeptAsObject() throws Exception {
        String json = wire(MINIMAL).replace("\"first_contact_token\":null", "\"first_contact_token\":{\"challenge_id\":\"c\",\"difficulty\":20}");
        Seal seal = EnvelopeCodec.decode(json.getBytes(StandardCharsets.UTF_8), 4096).envelope().seal();
        assertThat(seal.firstContactToken()).map(t -> t.has("difficulty")).hasValue(true);
        assertThat(MINIMAL.seal().firstContactToken()).isEqualTo(Optional.empty());
        assertThat(MINIMAL).hasToString("Envelope[01JPOSTMARK]");
    }
}
