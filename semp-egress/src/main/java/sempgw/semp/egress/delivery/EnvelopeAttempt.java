package sempgw.semp.egress.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.envelope.seal.SealedEnvelope;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.semp.egress.federation.DeliveryException;
import sempgw.semp.egress.federation.FederationChannel;
import sempgw.semp.egress.federation.PeerSessions;

/**
 * One attempt to hand one envelope to its recipient domain, in numbered steps:
 *
 * <ol>
 *   <li>Get the established session with the peer ({@link PeerSessions#channel}); a discovery,
 *   connection or handshake failure is {@code Deferred}, unless the peer refused the handshake
 *   with a non-recoverable code, its configuration rules a session out, or it issued a challenge
 *   above the difficulty cap ({@link DeliveryException#terminal()}): {@code Failed} with that code, not
 *   retried.</li>
 *   <li>Seal the composed envelope for that session: {@code postmark.session_id},
 *   {@code seal.signature} and {@code seal.session_mac} are recomputed for every attempt, while
 *   {@code postmark.id}, {@code expires}, brief, enclosure and key entries never change
 *   (docs/interop.md, "retry over a new session"; SPEC-DIGEST-SERVER §9 question 3).</li>
 *   <li>Refuse an envelope over the session's {@code max_envelope_size}:
 *   {@code envelope_size_exceeded}, terminal (ENVELOPE.md §9.3).</li>
 *   <li>Send it and wait at most the attempt timeout (DELIVERY.md §1.5: the configured one, or a
 *   shorter one for the bridge's in-transaction attempt); no reply is
 *   {@code silent}, which is retried (DELIVERY.md §2.2).</li>
 *   <li>Decode the acknowledgment and classify it ({@link AcknowledgmentCheck}).</li>
 * </ol>
 * Every deferring failure and every {@code silent} drops the session and the discovery entry
 * before the retry (DELIVERY.md §2.3, DISCOVERY.md §6.1).
 */
final class EnvelopeAttempt {
    private final PeerSessions sessions;
    private final DomainKeyLookup peerKeys;
    private final DomainSigningPrivateKey signingKey;
    private final SempDeliverySettings settings;
    private final RandomSource random;

    EnvelopeAttempt(PeerSessions sessions, DomainKeyLookup peerKeys, DomainSigningPrivateKey signingKey,
                    SempDeliverySettings settings, RandomSource random) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.peerKeys = Objects.requireNonNull(peerKeys, "peerKeys");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** One attempt, waiting at most {@code timeout} for the acknowledgment. */
    AttemptOutcome run(Envelope composed, String peerDomain, Instant now, Duration timeout) {
        AttemptOutcome outcome = exchange(composed, peerDomain, now, timeout);
        if (outcome instanceof AttemptOutcome.Deferred d && d.invalidate()) {
            sessions.invalidate(peerDomain);
        }
        return outcome;
    }

    private AttemptOutcome exchange(Envelope composed, String peerDomain, Instant now, Duration timeout) {
        try {
            FederationChannel channel = sessions.channel(peerDomain, now);
            long max = channel.maxEnvelopeSize();
            Optional<SealedEnvelope> sealed = seal(composed, channel, max);
            if (sealed.isEmpty()) {
                return tooLarge(max);
            }
            byte[] wire = sealed.get().wire();
            if (wire.length > max) {
                return tooLarge(max);
            }
            Optional<byte[]> reply = channel.exchange(wire, timeout);
            if (reply.isEmpty() || reply.get().length == 0) {
                return new AttemptOutcome.Deferred("silent", "no acknowledgment within " + timeout.toSeconds() + " s", true);
            }
            Acknowledgment ack = AcknowledgmentCodec.decode(reply.get(), now);
            return AcknowledgmentCheck.classify(ack, sealed.get().envelope().postmark().id(), sealed.get().canonical(),
                    peerDomain, peerKeys, settings.receiptRelaxedFor(peerDomain), now);
        } catch (DeliveryException e) {
            return failure(e);
        } catch (SempException e) {
            return new AttemptOutcome.Deferred("transport", AcknowledgmentCheck.clean(String.valueOf(e.getMessage())), true);
        }
    }

    /**
     * A failed session or exchange: terminal when the peer refused the handshake with a
     * non-recoverable code, its configuration rules a session out, or we aborted its challenge
     * above the difficulty cap ({@code blocked}, {@code auth_failed}, {@code policy_forbidden},
     * {@code version_unsupported}, {@code extension_unsupported}, {@code challenge_invalid}:
     * ERRORS.md §1 "MUST NOT retry automatically", HANDSHAKE.md §2.2a.2); otherwise
     * deferred under the recoverable code, or {@code transport} when there is none.
     */
    private static AttemptOutcome failure(DeliveryException e) {
        String detail = AcknowledgmentCheck.clean(String.valueOf(e.getMessage()));
        if (e.terminal()) {
            return new AttemptOutcome.Failed(e.reason().orElse(SempReason.UNKNOWN).code(), detail);
        }
        return new AttemptOutcome.Deferred(e.reason().map(SempReason::code).orElse("transport"), detail, true);
    }

    /**
     * The envelope sealed for {@code channel}'s session and padded to that session's size buckets,
     * with the wire bytes to send and the canonical bytes its receipt is checked against, or
     * empty when it cannot fit {@code max} bytes ({@code envelope_size_exceeded}, the sealer's
     * only failure; a limit below the 4096-byte floor fits nothing, ENVELOPE.md §2.4.4).
     *
     * @throws DeliveryException another caller dropped the session (and erased its keys) meanwhile
     */
    private Optional<SealedEnvelope> seal(Envelope composed, FederationChannel channel, long max) throws DeliveryException {
        if (max < SizeBuckets.FLOOR) {
            return Optional.empty();
        }
        EnvelopeSealer sealer = new EnvelopeSealer(signingKey, SizeBuckets.standard((int) Math.min(max, Integer.MAX_VALUE)));
        Epoch epoch = epoch(channel);
        try {
            return Optional.of(sealer.sealForWire(composed, epoch.sessionId(), epoch.macKey(), random));
        } catch (SempException e) {
            return Optional.empty();
        }
    }

    /** A session id and the {@code K_env_mac} of that same epoch. */
    private record Epoch(String sessionId, SecretBytes macKey) {
    }

    /**
     * The session id and its MAC key, read so that a rekey between the two reads (new id, new key,
     * SESSION.md §3.4) cannot pair the old id with the new key: the id is read again after the
     * key, and the pair is taken only when it did not change.
     */
    private static Epoch epoch(FederationChannel channel) throws DeliveryException {
        try {
            for (int i = 0; i < 3; i++) {
                String id = channel.sessionId();
                SecretBytes key = channel.envMacKey();
                if (id.equals(channel.sessionId())) {
                    return new Epoch(id, key);
                }
            }
            throw new DeliveryException("session with " + channel.peerDomain() + " rekeyed three times while sealing");
        } catch (IllegalStateException erased) {
            throw new DeliveryException("session " + channel.sessionId() + " with " + channel.peerDomain() + " was dropped meanwhile");
        }
    }

    private static AttemptOutcome tooLarge(long max) {
        return new AttemptOutcome.Failed(SempReason.ENVELOPE_SIZE_EXCEEDED.code(),
                "envelope exceeds the peer's max_envelope_size of " + max + " bytes");
    }
}
