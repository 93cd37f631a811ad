package sempgw.core.delivery;

import java.time.Instant;
import java.util.regex.Pattern;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.SempTimestamps;
import sempgw.core.StrictBase64;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.KeyId;

/**
 * Strict reading of a received {@code SEMP_DELIVERY_RECEIPT} (DELIVERY.md §1.1.1.1-2). Each
 * defect is a {@link SempException} with {@link SempReason#SERVER_UNAVAILABLE}: the receipt is
 * unusable, which the sender treats as a transport failure and retries (DELIVERY.md §1.1.1.6).
 * Messages name the field, never its content.
 */
final class ReceiptReader {
    /** MAJOR version 1, any MINOR and PATCH (CONFORMANCE.md §9.1). */
    private static final Pattern VERSION_1 = Pattern.compile("1\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})([-+][0-9A-Za-z.+-]{1,64})?");
    /** An ASCII (A-label) domain name of at most 253 characters (RFC 1035 §2.3.4, RFC 5890). */
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final int SHA256_BYTES = 32;
    private static final int ED25519_SIGNATURE_BYTES = 64;

    private ReceiptReader() {
    }

    static DeliveryReceipt read(JsonObject r) throws SempException {
        try {
            expect(DeliveryReceipt.TYPE.equals(r.requireString("type")), "type is not SEMP_DELIVERY_RECEIPT");
            expect(VERSION_1.matcher(r.requireString("version")).matches(), "version is not 1.x.y");
            JsonObject hash = r.requireObject("envelope_hash");
            expect(DeliveryReceipt.HASH_ALGORITHM.equals(hash.requireString("algorithm")), "envelope_hash.algorithm is not sha-256");
            byte[] digest = base64(hash.requireString("value"), SHA256_BYTES, "envelope_hash.value");
            String domain = r.requireString("recipient_domain");
            expect(DOMAIN.matcher(domain).matches(), "recipient_domain is not a domain name");
            Instant acceptedAt = SempTimestamps.parse(r.requireString("accepted_at"))
                    .orElseThrow(() -> invalid("accepted_at is not an RFC 3339 timestamp"));
            JsonObject sig = r.requireObject("signature");
            expect(DeliveryReceipt.SIGNATURE_ALGORITHM.equals(sig.requireString("algorithm")), "signature.algorithm is not ed25519");
            KeyId keyId = KeyId.parse(sig.requireString("key_id"))
                    .orElseThrow(() -> invalid("signature.key_id is not a key fingerprint"));
            byte[] value = base64(sig.requireString("value"), ED25519_SIGNATURE_BYTES, "signature.value");
            return new DeliveryReceipt(r, digest, domain, acceptedAt, keyId, value);
        } catch (JsonException e) {
            throw new SempException(SempReason.SERVER_UNAVAILABLE, "malformed delivery receipt: " + e.getMessage(), e);
        }
    }

    private static byte[] base64(String text, int length, String field) throws SempException {
        byte[] raw;
        try {
            raw = StrictBase64.decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " is not canonical base64");
        }
        expect(raw.length == length, field + " is not " + length + " bytes");
        return raw;
    }

    private static void expect(boolean ok, String defect) throws SempException {
        if (!ok) {
            throw invalid(defect);
        }
    }

    private static SempException invalid(String defect) {
        return new SempException(SempReason.SERVER_UNAVAILABLE, "malformed delivery receipt: " + defect);
    }
}
