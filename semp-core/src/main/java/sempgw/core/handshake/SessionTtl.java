package sempgw.core.handshake;

import java.math.BigInteger;
import java.time.Duration;
import sempgw.core.json.JsonError;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonNull;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;

/**
 * Reads {@code session_ttl} from an {@code accepted} (HANDSHAKE.md §2.7.1): absent, null or not
 * positive means the default (300 s for clients; 3600 s for federation, as semp-go does), and a
 * value above our cap is cut to the cap. A non-integer is malformed.
 */
final class SessionTtl {
    private SessionTtl() {
    }

    static Duration read(JsonObject accepted, Duration fallback, Duration cap) throws JsonException {
        JsonValue v = accepted.getOrNull("session_ttl");
        if (v == null || v == JsonNull.INSTANCE) {
            return fallback;
        }
        JsonNumber n = accepted.requireNumber("session_ttl");
        if (!n.isInteger()) {
            throw new JsonException(JsonError.INVALID_VALUE, "session_ttl is not an integer");
        }
        BigInteger seconds = new BigInteger(n.text());
        if (seconds.signum() <= 0) {
            return fallback;
        }
        return seconds.compareTo(BigInteger.valueOf(cap.toSeconds())) >= 0 ? cap : Duration.ofSeconds(seconds.longValueExact());
    }
}
