package sempgw.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import sempgw.core.ClockTolerance;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.SempTimestamps;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;

/**
 * The wire form of an {@link Acknowledgment}: the reply to one envelope in a federation session.
 * One canonical JSON object that carries both shapes a peer may read (docs/interop.md):
 *
 * <pre>{@code
 * {"type":"SEMP_SUBMISSION","step":"response","version":"1.0.0",
 *  "envelope_id":"<postmark.id>","timestamp":"2026-06-01T12:00:00Z",
 *  "acknowledgment":"delivered","receipt":{...},                        // DELIVERY.md §1.1.1.5
 *  "results":[{"recipient":"bob@b.example","status":"delivered","receipt":{...}}]}   // semp-go
 * }</pre>
 *
 * A rejection has {@code "acknowledgment":"rejected"}, {@code reason_code} and {@code reason}
 * beside {@code envelope_id} (ENVELOPE.md §9.2, CONFORMANCE.md §4.1), and the same three in each
 * {@code results} row. semp-go reads {@code type}..{@code results} (its {@code SubmissionResponse},
 * SPEC-DIGEST-SERVER §4, §8) and ignores the rest; we read the top-level fields when present and
 * otherwise fold go's per-recipient rows ({@link SubmissionRows}).
 *
 * <p>The initiator's message is the sealed envelope itself, {@code EnvelopeCodec.encode(envelope)}
 * ({@code "type":"SEMP_ENVELOPE"}), as semp-go's forwarder sends it; it needs no wrapper.
 */
public final class AcknowledgmentCodec {
    /**
     * Largest accepted acknowledgment, 4 MiB: a {@code delivered} row with its receipt takes about
     * 650 bytes, so this admits some 6,000 recipients of one envelope.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Longest accepted {@code envelope_id}; a {@code postmark.id} ULID has 26 characters. */
    static final int MAX_ID_CHARS = 256;
    static final String TYPE = "SEMP_SUBMISSION";
    static final String STEP = "response";
    static final String VERSION = "1.0.0";

    private AcknowledgmentCodec() {
    }

    /** {@link #encode(Acknowledgment, List, Instant)} with one row for the whole envelope. */
    public static byte[] encode(Acknowledgment ack, Instant now) {
        return encode(ack, List.of(), now);
    }

    /**
     * The canonical wire bytes of {@code ack}.
     *
     * @param recipients the envelope's recipient addresses, one {@code results} row each, all with
     *     the envelope's outcome; empty when unknown (a rejection before the brief is opened):
     *     then one row names the recipient domain of the receipt, or {@code ""} for a rejection
     * @param now the reply time, written as {@code timestamp} in whole seconds UTC
     * @throws IllegalArgumentException for a {@code delivered} without a receipt (DELIVERY.md
     *     §1.1.1: every {@code delivered} carries one), a rejection with {@link SempReason#UNKNOWN},
     *     or an empty or over-long envelope id (what {@link #decode} would refuse)
     */
    public static byte[] encode(Acknowledgment ack, List<String> recipients, Instant now) {
        Objects.requireNonNull(now, "now");
        if (ack.envelopeId().isEmpty() || ack.envelopeId().length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("envelope id must have 1 to " + MAX_ID_CHARS + " characters");
        }
        JsonObject.Builder m = JsonObject.builder()
                .put("type", TYPE).put("step", STEP).put("version", VERSION)
                .put("envelope_id", ack.envelopeId())
                .put("timestamp", SempTimestamps.format(now));
        JsonObject row = switch (ack) {
            case Acknowledgment.Delivered(var _, var receipt) -> {
                JsonObject r = receipt.orElseThrow(() -> new IllegalArgumentException("delivered requires a receipt")).toJson();
                m.put("acknowledgment", "delivered").put("receipt", r);
                yield JsonObject.builder().put("status", "delivered").put("receipt", r).build();
            }
            case Acknowledgment.Rejected(var _, SempReason reason, String text) -> {
                if (reason == SempReason.UNKNOWN) {
                    throw new IllegalArgumentException("never send the unknown reason code");
                }
                String clean = Texts.clean(text);
                m.put("acknowledgment", "rejected").put("reason_code", reason.code()).put("reason", clean);
                yield JsonObject.builder().put("status", "rejected").put("reason_code", reason.code()).put("reason", clean).build();
            }
        };
        List<String> names = recipients.isEmpty() ? List.of(defaultRecipient(ack)) : recipients;
        JsonValue[] rows = names.stream().map(n -> row.toBuilder().put("recipient", n).build()).toArray(JsonValue[]::new);
        return CanonicalJson.encode(m.put("results", JsonArray.of(rows)).build());
    }

    /**
     * Decodes a peer's acknowledgment, ours or semp-go's, strictly and within {@link #MAX_BYTES}.
     *
     * @throws SempException SERVER_UNAVAILABLE, naming the defect, for anything unusable:
     *     malformed or oversized JSON, another {@code type}, {@code step} or MAJOR version, a bad
     *     receipt, or go rows without a final answer (all {@code silent}); the sender treats it as
     *     a transport failure and retries (DELIVERY.md §1.1.1.6, §2.2)
     */
    public static Acknowledgment decode(byte[] wire) throws SempException {
        return AcknowledgmentReader.read(wire, timestamp -> true);
    }

    /**
     * {@link #decode(byte[])} as the sender reads a reply: its {@code timestamp}, the peer server's
     * clock at production (CONFORMANCE.md §9.3.3), must also be acceptable against ours
     * ({@link ClockTolerance#acceptsClaimed}, §9.3.1); one further ahead is unusable, like any other
     * defect, and the delivery is retried.
     */
    public static Acknowledgment decode(byte[] wire, Instant now) throws SempException {
        return AcknowledgmentReader.read(wire, timestamp -> ClockTolerance.acceptsClaimed(timestamp, now));
    }

    private static String defaultRecipient(Acknowledgment ack) {
        return ack instanceof Acknowledgment.Delivered d ? d.receipt().map(DeliveryReceipt::recipientDomain).orElse("") : "";
    }
}
