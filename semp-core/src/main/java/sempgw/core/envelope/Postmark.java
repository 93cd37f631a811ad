package sempgw.core.envelope;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import sempgw.core.json.JsonObject;

/**
 * The outer public routing header (ENVELOPE.md §3): domains only, never addresses, subject or
 * send time.
 *
 * @param id opaque per-transaction id, a ULID (ENVELOPE.md §3.3); the AEAD associated data of
 *     brief and enclosure (§4.4)
 * @param sessionId the handshake session the envelope travels in (§3.2); "" when absent, which
 *     the receiver rejects with {@code no_session}
 * @param fromDomain the sender's domain, lower-case A-label (§2.3.2)
 * @param toDomain the recipient's domain, lower-case A-label
 * @param expires after this instant the envelope must be rejected (§9.1, §10.2)
 * @param hopCount relay hops; outside the seal (§3.4, §4.3); empty when absent
 * @param extensions routing extensions, public metadata (§8); {@link JsonObject#EMPTY} when none
 */
public record Postmark(String id, String sessionId, String fromDomain, String toDomain, Instant expires,
                       OptionalLong hopCount, JsonObject extensions) {

    public Postmark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(fromDomain, "fromDomain");
        Objects.requireNonNull(toDomain, "toDomain");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(hopCount, "hopCount");
        Objects.requireNonNull(extensions, "extensions");
        if (hopCount.isPresent() && hopCount.getAsLong() < 0) {
            throw new IllegalArgumentException("hop_count must not be negative");
        }
    }

    /** A postmark without hop count or extensions. */
    public static Postmark of(String id, String sessionId, String fromDomain, String toDomain, Instant expires) {
        return new Postmark(id, sessionId, fromDomain, toDomain, expires, OptionalLong.empty(), JsonObject.EMPTY);
    }

    /** This postmark in another session (a federation hop re-seals in its own session). */
    public Postmark withSessionId(String newSessionId) {
        return new Postmark(id, newSessionId, fromDomain, toDomain, expires, hopCount, extensions);
    }

    /** This postmark with {@code hop_count} set, as a relay may do (ENVELOPE.md §9.1). */
    public Postmark withHopCount(long hops) {
        return new Postmark(id, sessionId, fromDomain, toDomain, expires, OptionalLong.of(hops), extensions);
    }
}
