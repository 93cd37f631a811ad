package sempgw.core.handshake;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempReason;
import sempgw.core.session.Session;

/**
 * What the transport does after a handshake state machine consumed a message (STYLE.md item 6):
 * send the next message, install the session, or give up. The state machines never do I/O
 * themselves.
 *
 * <pre>{@code
 * switch (hs.onMessage(bytes, now)) {
 *     case Step.Send s -> channel.write(s.message());
 *     case Step.Established e -> { e.message().ifPresent(channel::write); sessions.put(e.session()); }
 *     case Step.Rejected r -> { r.message().ifPresent(channel::write); channel.close(); log(r.reason(), r.detail()); }
 * }
 * }</pre>
 * Arrays are handed over, not copied: the caller owns them.
 */
public sealed interface Step permits Step.Send, Step.Established, Step.Rejected {

    /** Send {@code message} and wait for the peer's next one. */
    record Send(byte[] message) implements Step {
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The handshake succeeded: {@code session} is active and owns its keys. Send {@code message}
     * first if present (the responder's {@code accepted}).
     */
    record Established(Session session, Optional<byte[]> message) implements Step {
        public Established {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The handshake ended without a session. Send {@code message} if present (our
     * {@code rejected}, an initiator's abort, or a federation confirm declining the policy), then
     * close. An empty message with reason {@code blocked} from {@link Origin#LOCAL} means a silent
     * block: send nothing at all (HANDSHAKE.md §4.2).
     *
     * @param detail operator text for the log; never parse it, never send it
     */
    record Rejected(SempReason reason, String detail, Origin origin, Optional<byte[]> message) implements Step {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Who ended the handshake. */
    enum Origin {
        /** We did, for {@link Rejected#reason()}. */
        LOCAL,
        /** The peer sent a {@code rejected} whose signature verified under its domain key. */
        PEER,
        /** The peer sent a {@code rejected} that is unsigned or whose signature did not verify. */
        PEER_UNVERIFIED
    }
}
