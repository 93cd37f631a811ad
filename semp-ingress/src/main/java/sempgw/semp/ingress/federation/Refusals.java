package sempgw.semp.ingress.federation;

import java.time.Duration;
import java.time.Instant;
import sempgw.core.crypto.RandomSource;
import sempgw.core.handshake.Responder;
import sempgw.core.handshake.Step;

/**
 * Signed handshake {@code rejected} messages for messages no handshake state machine is waiting
 * for: a message of an unknown type, a rekey without a live session, a handshake message after the
 * handshake's deadline passed (HANDSHAKE.md §4.1, §6.6). They come from semp-core's own responder
 * frame, the one public producer of signed rejections: a fresh {@link Responder} refuses a message
 * that is not an {@code init} with {@code handshake_invalid}, and one whose deadline has passed
 * with {@code handshake_expired}, before it admits, records or allocates anything.
 */
final class Refusals {
    private static final byte[] NOT_AN_INIT = new byte[0];

    private final Responder.Config config;
    private final RandomSource random;
    private final Duration timeout;

    Refusals(Responder.Config config, RandomSource random) {
        this.config = config;
        this.random = random;
        this.timeout = config.guards().timeout();
    }

    /** {@code rejected} with {@code handshake_invalid}. */
    byte[] invalid(Instant now) {
        return refuse(now, now);
    }

    /** {@code rejected} with {@code handshake_expired}. */
    byte[] expired(Instant now) {
        return refuse(now.minus(timeout), now);
    }

    private byte[] refuse(Instant started, Instant now) {
        if (Responder.create(config, random, started).onMessage(NOT_AN_INIT, now) instanceof Step.Rejected r && r.message().isPresent()) {
            return r.message().get();
        }
        throw new IllegalStateException("semp-core responder accepted an empty message");
    }
}
