package sempgw.core.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.SempTimestamps;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/**
 * Reads an acknowledgment strictly. Steps, each failure a {@link SempException} with
 * {@link SempReason#SERVER_UNAVAILABLE} (an unusable reply is retried, DELIVERY.md §1.1.1.6):
 * <ol>
 *   <li>parse within {@link AcknowledgmentCodec#MAX_BYTES} (4 MiB), depth 8, 10,000 members per
 *   container, strict UTF-8 and no duplicate keys;</li>
 *   <li>{@code type} {@code SEMP_SUBMISSION}, {@code step} {@code response}, MAJOR version 1
 *   (CONFORMANCE.md §9.1);</li>
 *   <li>{@code envelope_id} (the {@code postmark.id}, ENVELOPE.md §9.2) and an RFC 3339 {@code timestamp},
 *   which the caller may check against its clock;</li>
 *   <li>our top-level {@code acknowledgment} when present (DELIVERY.md §1.1.1.5), else semp-go's
 *   {@code results} rows ({@link SubmissionRows}).</li>
 * </ol>
 */
final class AcknowledgmentReader {
    private static final JsonParser.Options LIMITS = new JsonParser.Options(
            AcknowledgmentCodec.MAX_BYTES, 8, AcknowledgmentCodec.MAX_BYTES, 64, 10_000, JsonParser.Compat.STRICT);
    private static final Pattern VERSION_1 = Pattern.compile("1\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})([-+][0-9A-Za-z.+-]{1,64})?");

    private AcknowledgmentReader() {
    }

    /**
     * @param acceptTimestamp whether the reply's {@code timestamp} is acceptable against our clock;
     *     an unacceptable one fails the read like any other defect
     */
    static Acknowledgment read(byte[] wire, Predicate<Instant> acceptTimestamp) throws SempException {
        try {
            JsonObject m = JsonParser.parseObject(wire, LIMITS);
            expect(AcknowledgmentCodec.TYPE.equals(m.requireString("type")), "type is not SEMP_SUBMISSION");
            expect(AcknowledgmentCodec.STEP.equals(m.requireString("step")), "step is not response");
            expect(VERSION_1.matcher(m.requireString("version")).matches(), "version is not 1.x.y");
            String id = m.requireString("envelope_id");
            expect(!id.isEmpty() && id.length() <= AcknowledgmentCodec.MAX_ID_CHARS, "envelope_id is empty or too long");
            Optional<Instant> timestamp = SempTimestamps.parse(m.requireString("timestamp"));
            expect(timestamp.isPresent(), "timestamp is not RFC 3339");
            expect(acceptTimestamp.test(timestamp.get()), "timestamp is ahead of our clock by more than the tolerance (CONFORMANCE.md §9.3)");
            Optional<String> ack = m.optionalString("acknowledgment");
            if (ack.isEmpty()) {
                return SubmissionRows.fold(id, m.requireArray("results"));
            }
            return switch (ack.get()) {
                case "delivered" -> new Acknowledgment.Delivered(id, receipt(m));
                case "rejected" -> rejected(id, m);
                default -> throw invalid("acknowledgment is neither delivered nor rejected");
            };
        } catch (JsonException e) {
            throw new SempException(SempReason.SERVER_UNAVAILABLE, "malformed acknowledgment: " + e.getMessage(), e);
        }
    }

    /** The optional {@code receipt} of an object (a top-level reply or a go row). */
    static Optional<DeliveryReceipt> receipt(JsonObject o) throws SempException, JsonException {
        Optional<JsonObject> r = o.optionalObject("receipt");
        return r.isEmpty() ? Optional.empty() : Optional.of(DeliveryReceipt.parse(r.get()));
    }

    /** {@code reason_code} and {@code reason} of an object; a missing code reads as unknown. */
    static Acknowledgment.Rejected rejected(String id, JsonObject o) throws JsonException {
        String text = Texts.clean(o.optionalString("reason").orElse(""));
        Optional<String> code = o.optionalString("reason_code");
        SempReason reason = code.map(SempReason::parse).orElse(SempReason.UNKNOWN);
        if (reason == SempReason.UNKNOWN) {
            String shown = code.map(Texts::clean).map(c -> "reason_code \"" + c + "\"").orElse("no reason_code");
            text = shown + (text.isEmpty() ? "" : ": " + text);
        }
        return new Acknowledgment.Rejected(id, reason, text);
    }

    static void expect(boolean ok, String defect) throws SempException {
        if (!ok) {
            throw invalid(defect);
        }
    }

    static SempException invalid(String defect) {
        return new SempException(SempReason.SERVER_UNAVAILABLE, "malformed acknowledgment: " + defect);
    }
}
