package sempgw.semp.egress.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.handshake.Initiator;
import sempgw.core.handshake.Step;
import sempgw.core.session.Session;

/**
 * Drives one semp-core {@link Initiator} over a connection (HANDSHAKE.md §5.1): {@code init},
 * an optional proof-of-work round that semp-core answers (§2.2a), {@code confirm}, until
 * {@code accepted} or a rejection. The whole run is bounded by the initiator's deadline
 * (HANDSHAKE.md §6.6: 30 s). Step times are the caller's {@code now} plus the elapsed monotonic
 * time, so the run needs no clock of its own.
 */
final class HandshakeRun {

    /** How long a closing abort or rejection may take to send before the connection is closed. */
    private static final Duration ABORT_TIMEOUT = Duration.ofSeconds(5);

    private HandshakeRun() {
    }

    /**
     * @return the established session, owning its keys
     * @throws DeliveryException a transport failure, a silent peer, a timeout or a rejection
     *     (with its reason code, {@link DeliveryException#terminal()} for the peer's non-recoverable
     *     ones and for our abort of a challenge above the difficulty cap, §2.2a.2, after the signed
     *     {@code rejected} is sent, §2.2a.6); {@link DeliveryException#connectFailure()} when the peer got nothing
     */
    static Session run(Initiator.Config config, TransportConnection connection, RandomSource random, Instant now)
            throws DeliveryException {
        long start = System.nanoTime();
        Initiator initiator = Initiator.create(config, random, now);
        byte[] out = initiator.begin().message();
        try {
            while (true) {
                Instant at = now.plusNanos(System.nanoTime() - start);
                Duration left = Duration.between(at, initiator.deadline());
                if (left.isNegative() || left.isZero()) {
                    throw DeliveryException.refusedLocally(SempReason.HANDSHAKE_EXPIRED, "handshake with " + config.peerDomain() + " timed out");
                }
                Optional<byte[]> reply = connection.exchange(out, left);
                if (reply.isEmpty()) {
                    throw DeliveryException.refusedLocally(SempReason.HANDSHAKE_EXPIRED, "no answer from " + config.peerDomain()
                            + " within the handshake timeout (silent or blocked, HANDSHAKE.md §4.2)");
                }
                byte[] in = reply.get();
                switch (initiator.onMessage(in, now.plusNanos(System.nanoTime() - start))) {
                    case Step.Send s -> out = s.message();
                    case Step.Established e -> {
                        return e.session();
                    }
                    case Step.Rejected r -> {
                        r.message().ifPresent(m -> sendQuietly(connection, m));
                        throw refusal(r, config.peerDomain(), in);
                    }
                }
            }
        } finally {
            initiator.abandon();
        }
    }

    /**
     * The peer's refusal, signed or not (semp-go sends them unsigned), or ours (HANDSHAKE.md §4.1).
     * Ours for {@code challenge_invalid} was an answer to {@code last}, the peer's signed challenge:
     * above the difficulty cap it is kept and the failure is terminal (§2.2a.2, §2.2a.6); below the
     * expiry floor or of a type we do not run, it is an ordinary local refusal, retried later.
     */
    private static DeliveryException refusal(Step.Rejected r, String peer, byte[] last) {
        String detail = "handshake with " + peer + " ended with " + r.reason().code() + " (" + r.origin() + "): " + r.detail();
        if (r.origin() != Step.Origin.LOCAL) {
            return DeliveryException.refusedByPeer(r.reason(), detail);
        }
        if (r.reason() == SempReason.CHALLENGE_INVALID) {
            RefusedChallenge challenge = RefusedChallenge.of(last);
            return challenge.aboveCap() ? DeliveryException.challengeRefused(detail, challenge)
                    : DeliveryException.refusedLocally(r.reason(), detail + " (the challenge: " + challenge.describe() + ")");
        }
        return DeliveryException.refusedLocally(r.reason(), detail);
    }

    private static void sendQuietly(TransportConnection connection, byte[] message) {
        try {
            connection.exchange(message, ABORT_TIMEOUT);
        } catch (DeliveryException e) {
            // The handshake has already failed; the connection is closed next either way.
        }
    }
}
