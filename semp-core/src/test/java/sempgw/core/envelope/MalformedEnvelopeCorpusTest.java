package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.enclosure.EnclosureCodec;
import sempgw.core.envelope.seal.Verdict;

/**
 * Bad input of every kind gets a typed error: the decoders throw only
 * {@link EnvelopeFormatException}, the pipeline answers only with a verdict, and nothing hangs.
 */
final class MalformedEnvelopeCorpusTest {
    private static final TestWorld W = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
    private static final String VALID;

    static {
        try {
            VALID = new String(EnvelopeCodec.encode(W.seal(W.compose(TestWorld.draft("c", "corpus", "bob@b.example")).getFirst().envelope())),
                    StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Named<byte[]> text(String name, String s) {
        return Named.of(name, s.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Named<byte[]>> corpus() {
        List<Named<byte[]>> c = new ArrayList<>();
        c.add(text("empty", ""));
        c.add(text("whitespace", "   \n"));
        c.add(text("array", "[]"));
        c.add(text("string", "\"SEMP_ENVELOPE\""));
        c.add(text("null", "null"));
        c.add(text("bom", "\uFEFF" + VALID));
        c.add(text("trailing garbage", VALID + "x"));
        c.add(text("two documents", VALID + VALID));
        for (int cut : new int[] {1, 2, 10, 100, 500, 1000, 2000, 4000, VALID.length() - 1}) {
            c.add(text("truncated at " + cut, VALID.substring(0, cut)));
        }
        c.add(text("duplicate key", VALID.replaceFirst("\\{", "{\"brief\":\"x\",")));
        c.add(text("duplicate postmark key", VALID.replace("\"id\":", "\"to_domain\":\"b.example\",\"id\":")));
        c.add(text("number as version", VALID.replace("\"1.0.0\"", "1")));
        c.add(text("object as brief", VALID.replaceFirst("\"brief\":\"[^\"]*\"", "\"brief\":{}")));
        c.add(text("null postmark", VALID.replaceFirst("\"postmark\":\\{[^}]*}", "\"postmark\":null")));
        c.add(text("array seal", VALID.replaceFirst("\"seal\":\\{", "\"seal\":[{").replace(",\"type\"", "],\"type\"")));
        c.add(text("huge hop count", VALID.replace("\"session_id\"", "\"hop_count\":1e999999,\"session_id\"")));
        c.add(text("long hop count", VALID.replace("\"session_id\"", "\"hop_count\":" + "9".repeat(60) + ",\"session_id\"")));
        c.add(text("fraction hop count", VALID.replace("\"session_id\"", "\"hop_count\":1.5,\"session_id\"")));
        c.add(text("string hop count", VALID.replace("\"session_id\"", "\"hop_count\":\"1\",\"session_id\"")));
        c.add(text("recipient value number", VALID.replaceFirst("(\"enclosure_recipients\":\\{\"[0-9a-f]+\":)\"[^\"]*\"", "$1 12")));
        c.add(text("nested enclosure_recipients as in ENVELOPE.md §7.4.1",
                VALID.replaceFirst("\"enclosure_recipients\":\\{", "\"enclosure_recipients\":{\"default\":{},")));
        c.add(text("extensions as array", VALID.replace("\"first_contact_token\":null", "\"first_contact_token\":null,\"extensions\":[]")));
        c.add(text("first_contact_token string", VALID.replace("\"first_contact_token\":null", "\"first_contact_token\":\"x\"")));
        c.add(text("deep nesting", VALID.replace("\"first_contact_token\":null", "\"first_contact_token\":{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}")));
        c.add(text("lone surrogate escape", VALID.replace("\"padding\":\"", "\"padding\":\"\\ud800")));
        c.add(text("raw control character", VALID.replace("\"brief\":\"", "\"brief\":\"\u0001")));
        c.add(Named.of("invalid UTF-8", invalidUtf8()));
        c.add(text("uppercase domain", VALID.replace("\"b.example\"", "\"B.EXAMPLE\"")));
        c.add(text("bad expires", VALID.replaceFirst("\"expires\":\"[^\"]*\"", "\"expires\":\"2026-13-01T00:00:00Z\"")));
        c.add(text("empty postmark id", VALID.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"\"")));
        for (String field : List.of("type", "version", "postmark", "seal", "brief", "enclosure")) {
            c.add(text("missing " + field, VALID.replaceFirst("\"" + field + "\":(\\{[^{}]*(\\{[^{}]*}[^{}]*)*}|\"[^\"]*\"),?", "")));
        }
        for (String field : List.of("id", "from_domain", "to_domain", "expires", "algorithm", "key_id", "signature", "session_mac")) {
            c.add(text("missing " + field, VALID.replaceFirst("\"" + field + "\":\"[^\"]*\",?", "")));
        }
        return c.stream();
    }

    private static byte[] invalidUtf8() {
        byte[] b = VALID.getBytes(StandardCharsets.UTF_8);
        int i = VALID.indexOf("\"padding\":\"") + 12;
        b[i] = (byte) 0xC0;
        b[i + 1] = (byte) 0xAF;
        return b;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void decode_malformedInput_throwsOnlyTypedFormatErrors(byte[] input) {
        assertThatThrownBy(() -> EnvelopeCodec.decode(input, 1 << 20)).isInstanceOf(EnvelopeFormatException.class);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void receive_malformedInput_isMalformedOrRejectedNeverThrown(byte[] input) {
        Verdict v = W.verifier().receive(input, TestWorld.NOW);
        assertThat(v).isInstanceOfAny(Verdict.Malformed.class, Verdict.Rejected.class);
    }

    @Test
    void corpus_validBaseline_isAccepted() {
        assertThat(W.verifier().receive(VALID.getBytes(StandardCharsets.UTF_8), TestWorld.NOW)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void receive_oversizeExtensions_isExtensionSizeExceeded() {
        String big = VALID.replace("\"first_contact_token\":null",
                "\"first_contact_token\":null,\"extensions\":{\"x.example/big\":{\"required\":false,\"data\":\"" + "a".repeat(5000) + "\"}}");
        assertThat(W.verifier().receive(big.getBytes(StandardCharsets.UTF_8), TestWorld.NOW))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(SempReason.EXTENSION_SIZE_EXCEEDED));
    }

    @ParameterizedTest
    @MethodSource("payloadCorpus")
    void decodePayloads_malformedPlaintext_throwsOnlyTypedFormatErrors(byte[] input) {
        assertThatThrownBy(() -> BriefCodec.decode(input)).isInstanceOf(EnvelopeFormatException.class);
        assertThatThrownBy(() -> EnclosureCodec.fromJson(EnclosureCodec.parse(input))).isInstanceOf(EnvelopeFormatException.class);
    }

    static Stream<Named<byte[]>> payloadCorpus() {
        return Stream.of(
                text("empty", ""), text("array", "[1]"), text("truncated", "{\"message_id\":\"m\",\"fro"),
                text("wrong types", "{\"message_id\":1,\"from\":[],\"content_type\":{},\"body\":\"x\"}"),
                text("to with number", "{\"message_id\":\"m\",\"from\":\"a@a.example\",\"to\":[1],\"sent_at\":\"2026-01-01T00:00:00Z\","
                        + "\"content_type\":\"text/plain\",\"body\":{\"text/plain\":1}}"),
                text("bad sent_at and attachment", "{\"message_id\":\"m\",\"from\":\"a@a.example\",\"to\":[],\"sent_at\":\"yesterday\","
                        + "\"content_type\":\"text/plain\",\"body\":{},\"attachments\":[{\"id\":\"a\"}]}"),
                text("negative size", "{\"content_type\":\"t\",\"body\":{},\"attachments\":[{\"id\":\"a\",\"filename\":\"f\",\"mime_type\":\"m\","
                        + "\"size\":-1,\"hash\":\"h\",\"content\":\"\"}]}"),
                text("forward without attestation", "{\"content_type\":\"t\",\"body\":{},\"forwarded_from\":{\"original_enclosure_plaintext\":{}}}"),
                text("duplicate keys", "{\"message_id\":\"m\",\"message_id\":\"n\",\"content_type\":\"t\",\"content_type\":\"u\"}"));
    }
}
