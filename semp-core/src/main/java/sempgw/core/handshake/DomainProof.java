package sempgw.core.handshake;

import java.util.Objects;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;

/**
 * The initiator's {@code domain_proof} in a federation init (HANDSHAKE.md §5.2, §5.4): a method
 * ({@code dns-txt}, {@code certificate}, a verify endpoint; semp-go always sends
 * {@code test-trust}) and its method-specific data. The responder judges it with a
 * {@link DomainProofVerifier}.
 */
public record DomainProof(String method, String data) {
    public DomainProof {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(data, "data");
    }

    JsonObject toJson() {
        return JsonObject.builder().put("method", method).put("data", data).build();
    }

    static DomainProof read(JsonObject o) throws JsonException {
        return new DomainProof(o.requireString("method"), o.requireString("data"));
    }
}
