package sempgw.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;

final class AcknowledgmentCodecTest {
    static final String ID = "01JTESTPOSTMARK00000000000";
    static final Instant NOW = Instant.parse("2026-06-01T12:00:01.900Z");

    static Acknowledgment.Delivered delivered() {
        return new Acknowledgment.Delivered(ID, DeliveryReceiptTest.issued());
    }

    /** CONFORMANCE.md §9.3.1/§9.3.3: the reply's timestamp is the peer server's clock, accepted up to 5 minutes ahead of ours. */
    @Test
    void decode_atOurClock_timestampUpToFiveMinutesAheadIsRead_furtherAheadIsUnusable() throws Exception {
        Acknowledgment ack = new Acknowledgment.Rejected(ID, SempReason.POLICY_FORBIDDEN, "no");

        assertThat(AcknowledgmentCodec.decode(AcknowledgmentCodec.encode(ack, NOW.plusSeconds(300)), NOW)).isEqualTo(ack);
        assertThat(AcknowledgmentCodec.decode(AcknowledgmentCodec.encode(ack, NOW.minusSeconds(86_400)), NOW)).isEqualTo(ack);
        assertThatThrownBy(() -> AcknowledgmentCodec.decode(AcknowledgmentCodec.encode(ack, NOW.plusSeconds(302)), NOW))
                .isInstanceOfSatisfying(SempException.class, e -> assertThat(e.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE))
                .hasMessageContaining("timestamp is ahead of our clock");
    }

    @Test
    void delivered_encodeDecode_roundTripsWithVerifiableReceipt() throws SempException {
        Acknowledgment back = AcknowledgmentCodec.decode(AcknowledgmentCodec.encode(delivered(), NOW));

        assertThat(back).isInstanceOfSatisfying(Acknowledgment.Delivered.class, d -> {
            assertThat(d.envelopeId()).isEqualTo(ID);
            assertThat(d.receipt()).hasValueSatisfying(r -> {
                assertThat(r.toJson()).isEqualTo(DeliveryReceiptTest.issued().toJson());
                assertThat(r.verify(DeliveryReceiptTest.ENVELOPE, "b.example", DeliveryReceiptTest.keys(), NOW)).isEmpty();
            });
        });
    }

    @Test
    void rejected_encodeDecode_roundTripsCodeAndText() throws SempException {
        Acknowledgment ack = new Acknowledgment.Rejected(ID, SempReason.SEAL_INVALID, "seal.signature does not verify");

        assertThat(AcknowledgmentCodec.decode(AcknowledgmentCodec.encode(ack, NOW))).isEqualTo(ack);
    }

    /** DELIVERY.md §1.1.1.5 top level plus semp-go's SubmissionResponse fields, one row per recipient. */
    @Test
    void encode_delivered_carriesSpecShapeAndGoRowsInCanonicalForm() throws Exception {
        byte[] wire = AcknowledgmentCodec.encode(delivered(), List.of("bob@b.example", "carol@b.example"), NOW);
        JsonObject m = JsonParser.parseObject(wire);
        JsonArray rows = m.requireArray("results");

        assertThat(m.keys()).containsExactly("acknowledgment", "envelope_id", "receipt", "results", "step", "timestamp", "type", "version");
        assertThat(m.requireString("type")).isEqualTo("SEMP_SUBMISSION");
        assertThat(m.requireString("step")).isEqualTo("response");
        assertThat(m.requireString("acknowledgment")).isEqualTo("delivered");
        assertThat(m.requireString("timestamp")).isEqualTo("2026-06-01T12:00:01Z");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(((JsonObject) rows.get(1)).requireString("recipient")).isEqualTo("carol@b.example");
        assertThat(((JsonObject) rows.get(1)).requireString("status")).isEqualTo("delivered");
        assertThat(((JsonObject) rows.get(1)).requireObject("receipt")).isEqualTo(m.requireObject("receipt"));
    }

    /** ENVELOPE.md §9.2 / CONFORMANCE.md §4.1: code, description and postmark.id, in go's row too. */
    @Test
    void encode_rejectedWithoutRecipients_oneRowWithCodeReasonAndEnvelopeId() throws Exception {
        byte[] wire = AcknowledgmentCodec.encode(new Acknowledgment.Rejected(ID, SempReason.ENVELOPE_EXPIRED, "expired\r\nX-Forged: 1"), NOW);
        JsonObject m = JsonParser.parseObject(wire);
        JsonObject row = (JsonObject) m.requireArray("results").get(0);

        assertThat(m.requireString("envelope_id")).isEqualTo(ID);
        assertThat(m.requireString("reason_code")).isEqualTo("envelope_expired");
        assertThat(m.requireString("reason")).isEqualTo("expired??X-Forged: 1");
        assertThat(m.has("receipt")).isFalse();
        assertThat(row.keys()).containsExactlyInAnyOrder("recipient", "status", "reason_code", "reason");
        assertThat(row.requireString("status")).isEqualTo("rejected");
        assertThat(row.requireString("recipient")).isEmpty();
    }

    @Test
    void encode_deliveredWithoutReceiptOrUnknownCode_refused() {
        assertThatThrownBy(() -> AcknowledgmentCodec.encode(new Acknowledgment.Delivered(ID, java.util.Optional.empty()), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcknowledgmentCodec.encode(new Acknowledgment.Rejected(ID, SempReason.UNKNOWN, "x"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encode_emptyOrOverlongEnvelopeId_refused() {
        assertThatThrownBy(() -> AcknowledgmentCodec.encode(new Acknowledgment.Rejected("", SempReason.BLOCKED, "x"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcknowledgmentCodec.encode(new Acknowledgment.Rejected("x".repeat(257), SempReason.BLOCKED, "x"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_ourDeliveredWithoutReceipt_isDeliveredWithEmptyReceipt() throws SempException {
        String wire = "{\"acknowledgment\":\"delivered\",\"envelope_id\":\"" + ID + "\",\"results\":[],\"step\":\"response\","
                + "\"timestamp\":\"2026-06-01T12:00:01Z\",\"type\":\"SEMP_SUBMISSION\",\"version\":\"1.0.0\"}";

        assertThat(AcknowledgmentCodec.decode(wire.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Acknowledgment.Delivered(ID, java.util.Optional.empty()));
    }

    @Test
    void decode_unknownReasonCode_isTerminalUnknownKeepingCodeInText() throws SempException {
        String wire = "{\"acknowledgment\":\"rejected\",\"envelope_id\":\"" + ID + "\",\"reason\":\"full\",\"reason_code\":\"quota_exceeded\","
                + "\"step\":\"response\",\"timestamp\":\"2026-06-01T12:00:01Z\",\"type\":\"SEMP_SUBMISSION\",\"version\":\"1.0.0\"}";

        assertThat(AcknowledgmentCodec.decode(wire.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Acknowledgment.Rejected(ID, SempReason.UNKNOWN, "reason_code \"quota_exceeded\": full"));
    }

    @Test
    void decode_malformedReceiptInsideDelivered_throwsServerUnavailable() {
        JsonObject bad = DeliveryReceiptTest.edit(DeliveryReceiptTest.issued().toJson(), "signature", "algorithm", "rsa");
        String wire = "{\"acknowledgment\":\"delivered\",\"envelope_id\":\"" + ID + "\",\"receipt\":" + new String(
                sempgw.core.json.CanonicalJson.encode(bad), StandardCharsets.UTF_8) + ",\"results\":[],\"step\":\"response\","
                + "\"timestamp\":\"2026-06-01T12:00:01Z\",\"type\":\"SEMP_SUBMISSION\",\"version\":\"1.0.0\"}";

        assertThatThrownBy(() -> AcknowledgmentCodec.decode(wire.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SempException.class, e -> assertThat(e.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE))
                .hasMessageContaining("signature.algorithm");
    }

    @Test
    void rejectedText_fromPeer_isCappedAndControlFree() throws SempException {
        String wire = "{\"acknowledgment\":\"rejected\",\"envelope_id\":\"" + ID + "\",\"reason\":\"a\\nb" + "x".repeat(2000) + "\","
                + "\"reason_code\":\"blocked\",\"step\":\"response\",\"timestamp\":\"2026-06-01T12:00:01Z\",\"type\":\"SEMP_SUBMISSION\",\"version\":\"1.0.0\"}";

        Acknowledgment.Rejected r = (Acknowledgment.Rejected) AcknowledgmentCodec.decode(wire.getBytes(StandardCharsets.UTF_8));

        assertThat(r.reason()).isEqualTo(SempReason.BLOCKED);
        assertThat(r.text()).startsWith("a?bx").hasSize(Texts.MAX_CHARS);
    }

    @Test
    void receiptField_ofOurReply_isTheReceiptJsonUnchanged() throws Exception {
        JsonObject m = JsonParser.parseObject(AcknowledgmentCodec.encode(delivered(), NOW));

        assertThat(m.requireObject("receipt").getOrNull("recipient_domain")).isEqualTo(JsonString.of("b.example"));
        assertThat(((JsonObject) m.requireArray("results").get(0)).requireString("recipient")).isEqualTo("b.example");
    }
}
