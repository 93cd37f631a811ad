package sempgw.semp.egress.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sempgw.core.crypto.RandomSource;
import sempgw.core.session.RekeyInitiator;
import sempgw.core.session.RekeyStep;
import sempgw.core.session.Session;

/**
 * Drives one semp-core {@link RekeyInitiator} over the session's own connection (SESSION.md
 * §3.1-§3.4): sealed {@code init}, sealed answer, new keys and session id installed in the
 * {@link Session}. A refusal leaves the session on its current keys until it expires.
 */
final class RekeyRun {

    /** The outcome. */
    sealed interface Outcome {
        /** The session runs under {@code newSessionId}. */
        record Rekeyed(String newSessionId) implements Outcome {
        }

        /** No rekey; the session keeps its keys until expiry. */
        record Refused(String detail) implements Outcome {
        }
    }

    private RekeyRun() {
    }

    /** @throws DeliveryException the connection failed or the peer did not answer: drop the session */
    static Outcome run(Session session, TransportConnection connection, RandomSource random, Instant now, Duration timeout)
            throws DeliveryException {
        RekeyInitiator rekey = new RekeyInitiator(session, random);
        try {
            RekeyStep first = rekey.begin(now);
            if (!(first instanceof RekeyStep.Send send)) {
                return refused(first);
            }
            long start = System.nanoTime();
            Optional<byte[]> reply = connection.exchange(send.message(), timeout);
            if (reply.isEmpty()) {
                throw new DeliveryException("no answer to the rekey of session " + session.id() + " with " + session.peer());
            }
            return switch (rekey.onMessage(reply.get(), now.plusNanos(System.nanoTime() - start))) {
                case RekeyStep.Rekeyed r -> new Outcome.Rekeyed(r.newSessionId());
                case RekeyStep.Refused r -> refused(r);
                case RekeyStep.Send s -> new Outcome.Refused("unexpected second rekey message");
            };
        } finally {
            rekey.abandon();
        }
    }

    private static Outcome refused(RekeyStep step) {
        return switch (step) {
            case RekeyStep.Refused r -> new Outcome.Refused(r.reason().code() + (r.byPeer() ? " from the peer: " : ": ") + r.detail());
            case RekeyStep.Rekeyed r -> new Outcome.Rekeyed(r.newSessionId());
            case RekeyStep.Send s -> new Outcome.Refused("unexpected rekey step");
        };
    }
}
