package sempgw.semp.ingress.documents;

import java.util.Map;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonObject;
import sempgw.semp.ingress.HttpAnswer;

/**
 * Refusals of document requests: {@code {"error": code, "message": text}}. The text is fixed per
 * code and never echoes the request, so every malformed address, for instance, gets the same
 * bytes (DESIGN.md §2.7).
 */
final class DocumentErrors {
    static final HttpAnswer MALFORMED_ADDRESS = of(400, "malformed_address", "the address is not a valid SEMP address (ENVELOPE.md 2.3)");

    private DocumentErrors() {
    }

    static HttpAnswer of(int status, String code, String message) {
        byte[] body = CanonicalJson.encode(JsonObject.builder().put("error", code).put("message", message).build());
        return new HttpAnswer(status, HttpAnswer.JSON, body, Map.of());
    }
}
