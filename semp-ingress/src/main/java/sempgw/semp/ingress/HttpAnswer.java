package sempgw.semp.ingress;

import java.util.Map;
import java.util.Objects;

/** A complete HTTP response for a document endpoint: status, content type, body, extra headers. */
public record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";

    public HttpAnswer {
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(body);
        headers = Map.copyOf(headers);
    }

    /** {@code 200} with a JSON body. */
    public static HttpAnswer json(byte[] body) {
        return new HttpAnswer(200, JSON, body, Map.of());
    }
}
