package sempgw.semp.egress.federation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempTimestamps;

/**
 * A peer held as misbehaving because it issued a challenge above the difficulty cap of
 * HANDSHAKE.md §2.2a.2: "A federation peer receiving a challenge above the cap MUST treat the
 * issuing server as misbehaving and MUST NOT retry under the same conditions". The same
 * conditions, for us: until {@code until}, and while the peer's published {@link PeerConditions}
 * are what they were when it issued the challenge. A change of either the time or what it
 * publishes lets the next call handshake again.
 *
 * @param challenge  the refused challenge, kept for a {@code protocol_abuse} report (REPUTATION.md §8.3.3)
 * @param since      when we refused it
 * @param conditions the peer's conditions then; empty when they could not be read (then only time ends the hold)
 * @param until      when the hold ends
 */
record MisbehavingPeer(RefusedChallenge challenge, Instant since, Optional<PeerConditions> conditions, Instant until) {

    MisbehavingPeer {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(until, "until");
    }

    /** True when both the held and the {@code current} conditions are known and differ. */
    boolean changedTo(Optional<PeerConditions> current) {
        return conditions.isPresent() && current.isPresent() && !conditions.equals(current);
    }

    /** The operator text of a call failed by this hold, ending with the failure that set it. */
    String heldDetail(String domain, String cause) {
        return domain + " issued a challenge out of bounds (" + challenge.describe() + ") at " + SempTimestamps.format(since)
                + "; no handshake with it until " + SempTimestamps.format(until) + " unless what it publishes changes: " + cause;
    }

    /** What a change is measured against, for the log. */
    String conditionsText() {
        return conditions.map(PeerConditions::describe).orElse("published configuration and key unknown");
    }
}
