package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.envelope.seal.EnvelopeVerifier;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.envelope.seal.Verdict;
import sempgw.core.envelope.seal.VerifierOptions;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.testing.SharedFiles;

/**
 * semp-go canonical.json envelope cases through the envelope codec and receive pipeline (vectors
 * README "canonical.json", consumer checks 1-4): our typed re-encoding must equal go's struct
 * canonicalization, and go's signed wire must pass our seal checks.
 */
final class GoCanonicalEnvelopeCasesTest {
    private static final JsonNode V = SharedFiles.goVectors("canonical.json");
    /**
     * Inputs our strict decoder refuses, with why: duplicate keys (a "\u00e9" and a raw "é"
     * collide) and invalid UTF-8 are malformed JSON; a from_domain of "a.example/ü<>&" is not a
     * canonical domain (ENVELOPE.md §2.3.2); an expiry at +01:00 is not UTC (§3.2). go re-encodes
     * the first two into clean JSON on the wire; the last two stay invalid there too.
     */
    private static final Map<String, FormatError> REFUSED = Map.of(
            "duplicate_key", FormatError.MALFORMED_JSON,
            "non_ascii_key_order", FormatError.MALFORMED_JSON,
            "invalid_utf8_and_lone_surrogate", FormatError.MALFORMED_JSON,
            "escaped_input", FormatError.INVALID_VALUE,
            "timestamp_nonzero_offset", FormatError.INVALID_VALUE);

    static Stream<Named<JsonNode>> cases() {
        return StreamSupport.stream(V.get("envelope_cases").spliterator(), false).map(c -> Named.of(c.get("name").asText(), c));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decodeAndReencode_input_equalsGoStructCanonicalization(JsonNode c) throws Exception {
        String name = c.get("name").asText();
        byte[] input = b64(c.get("input_b64").asText());
        if (REFUSED.containsKey(name)) {
            assertThatThrownBy(() -> EnvelopeCodec.decode(input, Integer.MAX_VALUE))
                    .isInstanceOfSatisfying(EnvelopeFormatException.class, e -> assertThat(e.error()).isEqualTo(REFUSED.get(name)));
            return;
        }
        ReceivedEnvelope r = EnvelopeCodec.decode(input, Integer.MAX_VALUE);
        assertThat(r.canonicalBytes()).isEqualTo(b64(c.get("tree_canonical_b64").asText()));
        byte[] reencoded = EnvelopeCanonical.of(r.envelope());
        if (name.equals("extension_numbers")) {
            // go passes extension data through float64; we keep numbers verbatim (SPEC-DIGEST-WIRE §2.2)
            assertThat(reencoded).isEqualTo(b64(c.get("tree_canonical_b64").asText())).isNotEqualTo(b64(c.get("go_canonical_b64").asText()));
        } else {
            assertThat(reencoded).isEqualTo(b64(c.get("go_canonical_b64").asText()));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void receive_goSignedWire_passesSignatureExpirySessionAndMac(JsonNode c) throws Exception {
        byte[] wire = b64(c.get("go_signed_wire_b64").asText());
        FormatError refused = REFUSED.get(c.get("name").asText());
        if (refused == FormatError.INVALID_VALUE) {
            assertThatThrownBy(() -> EnvelopeCodec.decode(wire, Integer.MAX_VALUE))
                    .isInstanceOfSatisfying(EnvelopeFormatException.class, e -> assertThat(e.error()).isEqualTo(refused));
            return;
        }
        ReceivedEnvelope r = EnvelopeCodec.decode(wire, Integer.MAX_VALUE);
        DomainSigningPublicKey key = DomainSigningPublicKey.of(hex(V.get("signing_key").get("public_key_hex").asText()));
        SecretBytes mac = SecretBytes.copyOf(hex(V.get("K_env_mac_hex").asText()));
        String session = r.envelope().postmark().sessionId();
        EnvelopeVerifier verifier = new EnvelopeVerifier(SenderDomainKeys.of(d -> List.of(key)),
                id -> id.equals(session) ? SessionState.Active.of(mac) : new SessionState.Unknown(),
                d -> List.of(), (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults());
        Verdict v = verifier.verify(r, Instant.parse("2026-05-01T00:00:00Z"));
        // Steps 1-6 passed when the pipeline reaches the extension step or the brief step, which
        // has no key for these fake briefs.
        assertThat(v).isInstanceOfSatisfying(Verdict.Rejected.class, rej -> {
            if (c.get("name").asText().equals("unknown_fields")) {
                assertThat(rej.reason()).isEqualTo(SempReason.EXTENSION_UNSUPPORTED);
                assertThat(rej.extension()).hasValue("x.vecgen.a");
            } else {
                assertThat(rej.reason()).isEqualTo(SempReason.POLICY_FORBIDDEN);
                assertThat(rej.detail()).contains("not served");
            }
        });
    }
}
