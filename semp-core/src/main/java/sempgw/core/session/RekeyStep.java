package sempgw.core.session;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempReason;

/**
 * What the caller does after a rekey state machine consumed its input: send a message, note the
 * new session id, or give up on the rekey (the session keeps its current keys; SESSION.md §3.2).
 */
public sealed interface RekeyStep permits RekeyStep.Send, RekeyStep.Rekeyed, RekeyStep.Refused {

    /** Send {@code message} (the sealed {@code init}) and wait for the answer. */
    record Send(byte[] message) implements RekeyStep {
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The session now runs under new keys and {@code newSessionId}; send {@code message} if
     * present (the responder's sealed {@code accepted}, sealed under the previous keys).
     */
    record Rekeyed(String newSessionId, Optional<byte[]> message) implements RekeyStep {
        public Rekeyed {
            Objects.requireNonNull(newSessionId, "newSessionId");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * No rekey happened. {@code byPeer} tells whether the peer refused (its sealed
     * {@code rejected}) or we did; send {@code message} if present (our sealed {@code rejected}).
     *
     * @param detail operator text for the log; never sent, never parsed
     */
    record Refused(SempReason reason, String detail, boolean byPeer, Optional<byte[]> message) implements RekeyStep {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(message, "message");
        }
    }
}
