package sempgw.core.envelope.enclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.IdentityPrivateKey;

/** The signed plaintext put together from the signed input is the signed enclosure canonicalized afresh. */
final class EnclosureSignaturesTest {
    private static final IdentityPrivateKey ALICE = IdentityPrivateKey.generate(RandomSource.secure());

    static Stream<Enclosure> enclosures() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("text/plain", "Gr\u00fc\u00dfe <b>&</b> \"quoted\"\n\u2028\uD83D\uDE00");
        body.put("text/html", "<p>x</p>");
        JsonObject original = JsonObject.builder().put("content_type", "text/plain")
                .put("sender_signature", JsonObject.builder().put("algorithm", "ed25519").put("key_id", "k").put("value", "").build())
                .build();
        ForwardedFrom forwarded = new ForwardedFrom(original, Optional.empty(), Optional.empty(), "carol@c.example",
                Instant.parse("2026-06-01T12:30:00Z"), IdentitySignature.unsigned("k"));
        return Stream.of(
                Enclosure.of("Quarterly numbers", "text/plain", "Lorem ipsum. ".repeat(400)),
                new Enclosure(Optional.empty(), "text/plain", Map.of("text/plain", "x"), List.of(), Optional.empty(), JsonObject.EMPTY,
                        Optional.empty()),
                new Enclosure(Optional.of("\u00e9t\u00e9"), "multipart/alternative", body,
                        List.of(Attachment.of("a1", "r\u00e9sum\u00e9.pdf", "application/pdf", new byte[3000])), Optional.of(forwarded),
                        JsonObject.builder().put("x-ext", JsonObject.builder().put("required", false).put("data", "<&>").build()).build(),
                        Optional.of(IdentitySignature.unsigned("stale"))));
    }

    @ParameterizedTest
    @MethodSource("enclosures")
    void signedPlaintext_equalsTheSignedEnclosureEncodedAfresh(Enclosure unsigned) {
        byte[] plaintext = EnclosureSignatures.signedPlaintext(unsigned, ALICE);

        assertThat(plaintext).isEqualTo(EnclosureCodec.encode(EnclosureSignatures.sign(unsigned, ALICE)));
        assertThat(new String(plaintext, StandardCharsets.UTF_8)).contains("\"sender_signature\":{\"algorithm\":\"ed25519\"");
    }
}
