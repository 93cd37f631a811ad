package sempgw.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;

/**
 * Replies in semp-go's form, written by hand from its wire types: {@code delivery.SubmissionResponse}
 * ({@code type, step, version, envelope_id, timestamp, results}, Go struct order, timestamps as
 * RFC 3339 with nanoseconds) and {@code SubmissionResult} ({@code recipient, status,
 * reason_code/reason omitempty, receipt omitempty}) in semp-go {@code delivery/submission.go};
 * the federation responder {@code delivery/inboxd/inboxd.go} ({@code handleFederationSubmission}:
 * per-recipient rows from the pipeline, no receipt; an envelope-wide rejection is one row whose
 * {@code recipient} is the peer's domain); and the go reference server, which adds a signed
 * receipt to each delivered row (SPEC-DIGEST-SERVER §8 "Federation ack format").
 */
final class GoAcknowledgmentTest {
    static final String ID = "01JTESTPOSTMARK00000000000";
    static final String HEAD = "{\"type\":\"SEMP_SUBMISSION\",\"step\":\"response\",\"version\":\"1.0.0\",\"envelope_id\":\"" + ID
            + "\",\"timestamp\":\"2026-06-01T12:00:01.123456789Z\",\"results\":[";

    static Acknowledgment decode(String rows) throws SempException {
        return AcknowledgmentCodec.decode((HEAD + rows + "]}").getBytes(StandardCharsets.UTF_8));
    }

    /** A receipt as Go's encoding/json writes the DeliveryReceipt struct: field order, not sorted. */
    static String goReceipt() {
        JsonObject r = DeliveryReceiptTest.issued().toJson();
        JsonObject h = (JsonObject) r.getOrNull("envelope_hash");
        JsonObject s = (JsonObject) r.getOrNull("signature");
        return "{\"type\":\"SEMP_DELIVERY_RECEIPT\",\"version\":\"1.0.0\",\"envelope_hash\":{\"algorithm\":\"sha-256\",\"value\":\""
                + str(h, "value") + "\"},\"recipient_domain\":\"b.example\",\"accepted_at\":\"" + str(r, "accepted_at")
                + "\",\"signature\":{\"algorithm\":\"ed25519\",\"key_id\":\"" + str(s, "key_id") + "\",\"value\":\"" + str(s, "value") + "\"}}";
    }

    static String str(JsonObject o, String k) {
        return ((JsonString) o.getOrNull(k)).value();
    }

    @Test
    void referenceServer_deliveredRowsWithReceipts_deliveredWithVerifiableReceipt() throws SempException {
        Acknowledgment ack = decode("{\"recipient\":\"bob@b.example\",\"status\":\"delivered\",\"receipt\":" + goReceipt() + "},"
                + "{\"recipient\":\"carol@b.example\",\"status\":\"delivered\",\"receipt\":" + goReceipt() + "}");

        assertThat(ack).isInstanceOfSatisfying(Acknowledgment.Delivered.class, d -> assertThat(d.receipt()).hasValueSatisfying(r ->
                assertThat(r.verify(DeliveryReceiptTest.ENVELOPE, "b.example", DeliveryReceiptTest.keys(), DeliveryReceiptTest.NOW)).isEmpty()));
    }

    @Test
    void goLibrary_deliveredRowsWithoutReceipt_deliveredWithoutReceipt() throws SempException {
        assertThat(decode("{\"recipient\":\"bob@b.example\",\"status\":\"delivered\"}"))
                .isEqualTo(new Acknowledgment.Delivered(ID, Optional.empty()));
    }

    @Test
    void goEnvelopeWideRejection_rowNamingPeerDomain_rejectedWithCodeAndText() throws SempException {
        assertThat(decode("{\"recipient\":\"a.example\",\"status\":\"rejected\",\"reason_code\":\"seal_invalid\",\"reason\":\"signature verification failed\"}"))
                .isEqualTo(new Acknowledgment.Rejected(ID, SempReason.SEAL_INVALID, "signature verification failed"));
    }

    @Test
    void goMixedRows_deliveredAndBlocked_rejectedNotingPartialDelivery() throws SempException {
        Acknowledgment ack = decode("{\"recipient\":\"bob@b.example\",\"status\":\"delivered\"},"
                + "{\"recipient\":\"carol@b.example\",\"status\":\"rejected\",\"reason_code\":\"blocked\",\"reason\":\"blocked by recipient policy\"}");

        assertThat(ack).isEqualTo(new Acknowledgment.Rejected(ID, SempReason.BLOCKED,
                "rejected for some recipients, delivered to 1: blocked by recipient policy"));
    }

    @Test
    void goRecipientNotFoundRow_rejectedAsPolicyForbidden() throws SempException {
        assertThat(decode("{\"recipient\":\"bob@c.example\",\"status\":\"recipient_not_found\",\"reason\":\"federation endpoint does not multi-hop\"}"))
                .isInstanceOfSatisfying(Acknowledgment.Rejected.class, r -> assertThat(r.reason()).isEqualTo(SempReason.POLICY_FORBIDDEN));
    }

    @Test
    void goRejectedRowWithoutReasonCode_terminalUnknown() throws SempException {
        assertThat(decode("{\"recipient\":\"bob@b.example\",\"status\":\"rejected\",\"reason\":\"forwarding to remote domain failed\"}"))
                .isEqualTo(new Acknowledgment.Rejected(ID, SempReason.UNKNOWN, "no reason_code: forwarding to remote domain failed"));
    }

    @Test
    void goSilentOrQueuedRowsOrNoRows_noFinalAnswer_throwsServerUnavailable() {
        for (String rows : new String[] {"{\"recipient\":\"bob@b.example\",\"status\":\"silent\"}",
                "{\"recipient\":\"bob@b.example\",\"status\":\"delivered\"},{\"recipient\":\"carol@b.example\",\"status\":\"silent\"}",
                "{\"recipient\":\"bob@b.example\",\"status\":\"queued\"}", ""}) {
            assertThatThrownBy(() -> decode(rows)).as(rows)
                    .isInstanceOfSatisfying(SempException.class, e -> assertThat(e.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE));
        }
    }

    @Test
    void goDeliveredRowWithTamperedReceipt_parsesButFailsVerification() throws SempException {
        String tampered = goReceipt().replace("\"recipient_domain\":\"b.example\"", "\"recipient_domain\":\"b.example.net\"");
        Acknowledgment.Delivered d = (Acknowledgment.Delivered) decode("{\"recipient\":\"bob@b.example\",\"status\":\"delivered\",\"receipt\":" + tampered + "}");

        assertThat(d.receipt().orElseThrow().verify(DeliveryReceiptTest.ENVELOPE, "b.example.net", DeliveryReceiptTest.keys(), DeliveryReceiptTest.NOW))
                .hasValueSatisfying(w -> assertThat(w).contains("signature"));
    }
}
