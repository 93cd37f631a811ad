package sempgw.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.Digests;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;

final class DeliveryReceiptTest {
    static final DomainSigningPrivateKey KEY = DomainSigningPrivateKey.generate(RandomSource.secure());
    static final DomainSigningPrivateKey OTHER_KEY = DomainSigningPrivateKey.generate(RandomSource.secure());
    static final byte[] ENVELOPE = "{\"postmark\":{\"id\":\"01JTEST\"},\"type\":\"SEMP_ENVELOPE\"}".getBytes(StandardCharsets.UTF_8);
    static final Instant ACCEPTED = Instant.parse("2026-06-01T12:00:00.750Z");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:05Z");

    static DeliveryReceipt issued() {
        return DeliveryReceipt.issue(ENVELOPE, "b.example", ACCEPTED, KEY);
    }

    static List<DomainSigningPublicKey> keys() {
        return List.of(OTHER_KEY.publicKey(), KEY.publicKey());
    }

    @Test
    void issueThenParse_sameEnvelopeDomainAndKey_verifies() throws SempException {
        DeliveryReceipt parsed = DeliveryReceipt.parse(issued().toJson());

        assertThat(parsed.verify(ENVELOPE, "B.Example", keys(), NOW)).isEmpty();
        assertThat(parsed.recipientDomain()).isEqualTo("b.example");
        assertThat(parsed.acceptedAt()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(parsed.keyId()).isEqualTo(KEY.keyId());
    }

    /** DELIVERY.md §1.1.1.1-4, written out by hand: go's field set, whole seconds, the prefix. */
    @Test
    void issue_signedInput_isPrefixOverHandWrittenCanonicalReceipt() {
        DeliveryReceipt r = issued();
        JsonObject json = r.toJson();
        String hash = Base64.getEncoder().encodeToString(Digests.sha256(ENVELOPE));
        String canonical = "{\"accepted_at\":\"2026-06-01T12:00:00Z\",\"envelope_hash\":{\"algorithm\":\"sha-256\",\"value\":\""
                + hash + "\"},\"recipient_domain\":\"b.example\",\"signature\":{\"algorithm\":\"ed25519\",\"key_id\":\""
                + KEY.keyId().hex() + "\",\"value\":\"\"},\"type\":\"SEMP_DELIVERY_RECEIPT\",\"version\":\"1.0.0\"}";
        byte[] sig = Base64.getDecoder().decode(((JsonString) ((JsonObject) json.getOrNull("signature")).getOrNull("value")).value());

        assertThat(json.keys()).containsExactly("type", "version", "envelope_hash", "recipient_domain", "accepted_at", "signature");
        assertThat(KEY.publicKey().verify(SignatureContext.DELIVERY_RECEIPT, canonical.getBytes(StandardCharsets.UTF_8), sig)).isTrue();
        assertThat(KEY.publicKey().verify(SignatureContext.ENVELOPE, canonical.getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    }

    @Test
    void verify_otherEnvelopeBytes_reportsHashMismatch() {
        byte[] tampered = ENVELOPE.clone();
        tampered[5] ^= 1;

        assertThat(issued().verify(tampered, "b.example", keys(), NOW)).hasValueSatisfying(w -> assertThat(w).contains("envelope_hash"));
    }

    @Test
    void verify_tamperedHashField_reportsBadSignature() throws SempException {
        String otherHash = Base64.getEncoder().encodeToString(Digests.sha256(new byte[] {1}));
        DeliveryReceipt r = DeliveryReceipt.parse(edit(issued().toJson(), "envelope_hash", "value", otherHash));

        assertThat(r.verify(new byte[] {1}, "b.example", keys(), NOW)).hasValueSatisfying(w -> assertThat(w).contains("signature"));
    }

    @Test
    void verify_otherExpectedDomain_reportsDomain() {
        assertThat(issued().verify(ENVELOPE, "c.example", keys(), NOW)).hasValueSatisfying(w -> assertThat(w).contains("domain"));
    }

    @Test
    void verify_signingKeyNotAmongPublishedKeys_reportsUnknownKey() {
        assertThat(issued().verify(ENVELOPE, "b.example", List.of(OTHER_KEY.publicKey()), NOW))
                .hasValueSatisfying(w -> assertThat(w).contains("unknown key").contains(KEY.keyId().hex()));
    }

    @Test
    void verify_keyIdOfAnotherPublishedKey_reportsBadSignature() throws SempException {
        DeliveryReceipt r = DeliveryReceipt.parse(edit(issued().toJson(), "signature", "key_id", OTHER_KEY.keyId().hex()));

        assertThat(r.verify(ENVELOPE, "b.example", keys(), NOW)).hasValueSatisfying(w -> assertThat(w).contains("signature"));
    }

    @Test
    void verify_signatureBitFlipped_reportsBadSignature() throws SempException {
        JsonObject json = issued().toJson();
        byte[] sig = Base64.getDecoder().decode(((JsonString) ((JsonObject) json.getOrNull("signature")).getOrNull("value")).value());
        sig[10] ^= 0x40;
        DeliveryReceipt r = DeliveryReceipt.parse(edit(json, "signature", "value", Base64.getEncoder().encodeToString(sig)));

        assertThat(r.verify(ENVELOPE, "b.example", keys(), NOW)).hasValueSatisfying(w -> assertThat(w).contains("signature"));
    }

    @Test
    void verify_memberAddedAfterSigning_reportsBadSignature() throws SempException {
        DeliveryReceipt r = DeliveryReceipt.parse(issued().toJson().with("note", JsonString.of("x")));

        assertThat(r.verify(ENVELOPE, "b.example", keys(), NOW)).hasValueSatisfying(w -> assertThat(w).contains("signature"));
    }

    /**
     * DELIVERY.md §1.1.1.5: within 120 s either way is never a reason; CONFORMANCE.md §9.3.1: up to
     * 5 minutes ahead MUST be accepted; an old receipt is fine.
     */
    @ParameterizedTest
    @ValueSource(longs = {-86_400 * 30, -120, 0, 120, 121, 300})
    void verify_acceptedAtUpToFiveMinutesAheadOfOurClock_valid(long aheadSeconds) {
        DeliveryReceipt r = issued();

        assertThat(r.verify(ENVELOPE, "b.example", keys(), r.acceptedAt().minusSeconds(aheadSeconds))).isEmpty();
    }

    @Test
    void verify_acceptedAtMoreThanFiveMinutesAheadOfOurClock_isInTheFuture() {
        DeliveryReceipt r = issued();

        assertThat(r.verify(ENVELOPE, "b.example", keys(), r.acceptedAt().minusSeconds(301)))
                .hasValueSatisfying(w -> assertThat(w).contains("future"));
    }

    @Test
    void equals_sameJson_equalAndOtherTimeNot() throws SempException {
        assertThat(DeliveryReceipt.parse(issued().toJson())).isEqualTo(issued()).hasSameHashCodeAs(issued());
        assertThat(DeliveryReceipt.issue(ENVELOPE, "b.example", ACCEPTED.plusSeconds(1), KEY)).isNotEqualTo(issued());
    }

    @Test
    void toString_showsDomainTimeAndKeyIdOnly() {
        assertThat(issued().toString()).isEqualTo("DeliveryReceipt[b.example, 2026-06-01T12:00:00Z, " + KEY.keyId() + "]");
    }

    static Stream<Arguments> malformed() {
        JsonObject ok = issued().toJson();
        String shortB64 = Base64.getEncoder().encodeToString(new byte[31]);
        return Stream.of(
                Arguments.of("type", (UnaryOperator<JsonObject>) j -> j.with("type", JsonString.of("SEMP_RECEIPT"))),
                Arguments.of("version", (UnaryOperator<JsonObject>) j -> j.with("version", JsonString.of("2.0.0"))),
                Arguments.of("version", (UnaryOperator<JsonObject>) j -> j.with("version", JsonString.of("1.0"))),
                Arguments.of("type", (UnaryOperator<JsonObject>) j -> j.without("type")),
                Arguments.of("accepted_at", (UnaryOperator<JsonObject>) j -> j.with("accepted_at", JsonString.of("2026-06-01 12:00:00"))),
                Arguments.of("accepted_at", (UnaryOperator<JsonObject>) j -> j.with("accepted_at", JsonNumber.of(1))),
                Arguments.of("recipient_domain", (UnaryOperator<JsonObject>) j -> j.with("recipient_domain", JsonString.of("b.example\n"))),
                Arguments.of("recipient_domain", (UnaryOperator<JsonObject>) j -> j.with("recipient_domain", JsonString.of(""))),
                Arguments.of("envelope_hash", (UnaryOperator<JsonObject>) j -> j.without("envelope_hash")),
                Arguments.of("envelope_hash.algorithm", (UnaryOperator<JsonObject>) j -> edit(j, "envelope_hash", "algorithm", "sha-512")),
                Arguments.of("envelope_hash.value", (UnaryOperator<JsonObject>) j -> edit(j, "envelope_hash", "value", shortB64)),
                Arguments.of("envelope_hash.value", (UnaryOperator<JsonObject>) j -> edit(j, "envelope_hash", "value", "not base64!")),
                Arguments.of("signature.algorithm", (UnaryOperator<JsonObject>) j -> edit(j, "signature", "algorithm", "ed448")),
                Arguments.of("signature.key_id", (UnaryOperator<JsonObject>) j -> edit(j, "signature", "key_id", "recipient-domain-key-fingerprint")),
                Arguments.of("signature.key_id", (UnaryOperator<JsonObject>) j -> edit(j, "signature", "key_id", KEY.keyId().hex().toUpperCase())),
                Arguments.of("signature.value", (UnaryOperator<JsonObject>) j -> edit(j, "signature", "value", "")),
                Arguments.of("signature.value", (UnaryOperator<JsonObject>) j -> edit(j, "signature", "value", respelled(j))),
                Arguments.of("signature", (UnaryOperator<JsonObject>) j -> j.with("signature", JsonString.of("sig"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void parse_malformedField_throwsServerUnavailableNamingField(String field, UnaryOperator<JsonObject> edit) {
        JsonObject bad = edit.apply(issued().toJson());

        assertThatThrownBy(() -> DeliveryReceipt.parse(bad))
                .isInstanceOfSatisfying(SempException.class, e -> assertThat(e.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE))
                .hasMessageContaining(field.contains(".") ? field.substring(field.indexOf('.') + 1) : field);
    }

    @Test
    void parse_minorVersionAndFractionalTime_accepted() throws SempException {
        JsonObject j = issued().toJson().with("version", JsonString.of("1.2.0"))
                .with("accepted_at", JsonString.of("2026-06-01T12:00:00.5+00:00"));

        assertThat(DeliveryReceipt.parse(j).acceptedAt()).isEqualTo(Instant.parse("2026-06-01T12:00:00.5Z"));
    }

    /** The last base64 character re-spelled with unused bits set: same bytes, other text (RFC 4648 §3.5). */
    static String respelled(JsonObject j) {
        String v = ((JsonString) ((JsonObject) j.getOrNull("signature")).getOrNull("value")).value();
        int i = v.length() - 3;
        char c = v.charAt(i);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char other = alphabet.charAt(alphabet.indexOf(c) ^ 1);
        return v.substring(0, i) + other + v.substring(i + 1);
    }

    static JsonObject edit(JsonObject j, String object, String member, String value) {
        return j.with(object, ((JsonObject) j.getOrNull(object)).with(member, JsonString.of(value)));
    }

    @Test
    void keyId_isSha256OfRawPublicKey() {
        assertThat(issued().keyId().hex()).isEqualTo(HexFormat.of().formatHex(Digests.sha256(KEY.publicKey().bytes())));
    }
}
