package sempgw.semp.ingress.federation;

import java.util.Optional;
import sempgw.core.MessageTypes;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/**
 * What one inbound federation message is, by its {@code type} discriminator (HANDSHAKE.md §1.4):
 * read once, strictly and within the size limit, before dispatch. Reading never throws.
 */
sealed interface Inbound {

    /** A {@code SEMP_HANDSHAKE} message; {@code serverId} is the init's self-name, for server block entries. */
    record Handshake(String step, Optional<String> serverId) implements Inbound {
    }

    /** A {@code SEMP_ENVELOPE}, with the postmark's {@code session_id} and {@code from_domain} when present. */
    record Envelope(Optional<String> sessionId, Optional<String> fromDomain) implements Inbound {
    }

    /** A {@code SEMP_REKEY} (SESSION.md §3.2; sealed, nothing else is readable outside the session). */
    record Rekey() implements Inbound {
    }

    /**
     * A {@code SEMP_CONFIGURATION_UPDATE} (DISCOVERY.md §3.5.4): a peer's notice that its
     * configuration document changed. A hint that needs no answer.
     */
    record ConfigurationUpdate(Optional<String> domain) implements Inbound {
    }

    /** Well-formed JSON of another type SEMP 1.x defines, which has no place on this connection. */
    record Other(String type) implements Inbound {
    }

    /**
     * Well-formed JSON of a type SEMP 1.x does not define: an unknown optional message type, from a
     * peer on a later MINOR (CONFORMANCE.md §9.1.4). Dropped.
     */
    record Unknown(String type) implements Inbound {
    }

    /** Not a SEMP message: bad JSON, bad UTF-8, no {@code type}. */
    record Unreadable(String why) implements Inbound {
    }

    /** Larger than the responder reads; only an envelope can be that large. */
    record Oversized(int bytes) implements Inbound {
    }

    /** Classifies {@code wire}, reading at most {@code maxBytes}. */
    static Inbound read(byte[] wire, int maxBytes) {
        if (wire.length > maxBytes) {
            return new Oversized(wire.length);
        }
        try {
            JsonObject m = JsonParser.parseObject(wire, JsonParser.Options.wire().withMaxBytes(maxBytes));
            String type = m.requireString("type");
            return switch (type) {
                case "SEMP_HANDSHAKE" -> new Handshake(m.optionalString("step").orElse(""), m.optionalString("server_id"));
                case "SEMP_ENVELOPE" -> {
                    Optional<JsonObject> postmark = m.optionalObject("postmark");
                    yield new Envelope(postmark.flatMap(p -> optional(p, "session_id")), postmark.flatMap(p -> optional(p, "from_domain")));
                }
                case "SEMP_REKEY" -> new Rekey();
                case "SEMP_CONFIGURATION_UPDATE" -> new ConfigurationUpdate(optional(m, "domain"));
                default -> MessageTypes.defined(type) ? new Other(type) : new Unknown(type);
            };
        } catch (JsonException e) {
            return new Unreadable(e.error().name());
        }
    }

    private static Optional<String> optional(JsonObject o, String field) {
        try {
            return o.optionalString(field);
        } catch (JsonException e) {
            return Optional.empty();
        }
    }
}
