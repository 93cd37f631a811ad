package sempgw.core.handshake;

import java.time.Instant;
import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.KemEncapsulation;
import sempgw.core.crypto.KeySchedule;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.session.EphemeralPublicKey;
import sempgw.core.session.SessionIds;

/**
 * The responder work shared by the client and federation handshakes: admission, replay lookup
 * and, once authenticated, the nonce's record, the optional challenge round, the key exchange,
 * and rejections. Nothing is allocated for a
 * session before the challenge is solved (HANDSHAKE.md §2.2a).
 */
final class ResponderCore {
    private final ResponderGuards guards;
    private final DomainSigningPrivateKey signingKey;
    private final RandomSource random;
    private final SessionIds ids;
    private final Instant deadline;
    private PowChallenge pending;
    private String sessionId;
    private SessionKeys keys;
    private boolean finished;

    /** One state of a responder: a parsed message in, the next step out. */
    @FunctionalInterface
    interface Handler {
        Step handle(JsonObject message) throws SempException, JsonException;
    }

    /** Result of the key exchange: what goes into {@code response}. */
    record Exchange(byte[] ciphertext, byte[] serverNonce, String sessionId) {
    }

    ResponderCore(ResponderGuards guards, DomainSigningPrivateKey signingKey, RandomSource random, SessionIds ids, Instant now) {
        this.guards = guards;
        this.signingKey = signingKey;
        this.random = random;
        this.ids = ids;
        this.deadline = now.plus(guards.timeout());
    }

    Instant deadline() {
        return deadline;
    }

    Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /**
     * The gate before any work (HANDSHAKE.md §4.2, §6.2): admission, then a lookup in the replay
     * table, which records nothing: an init is not authenticated yet ({@link #recordNonce}).
     *
     * @return false when the init must be ignored without a reply (silent block)
     */
    boolean admit(InitSummary init, byte[] nonce, Instant now) throws SempException {
        Admission.Decision d = guards.admission().admit(init);
        if (d instanceof Admission.Ignore) {
            return false;
        }
        if (d instanceof Admission.Refuse r) {
            throw new SempException(r.reason(), "admission refused the init");
        }
        if (guards.nonces().seen(nonce, now)) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "replayed init nonce");
        }
        return true;
    }

    /**
     * Records the init's nonce once the handshake is authenticated (HANDSHAKE.md §6.2), so that
     * only authenticated peers take room in the replay table. A table full of live nonces forgets
     * its oldest rather than refuse the handshake ({@link NonceLedger.Recorded#FIRST_USE_EVICTED_OLDEST}).
     *
     * @throws SempException HANDSHAKE_INVALID when the nonce was recorded meanwhile (a concurrent
     *     replay)
     */
    void recordNonce(byte[] nonce, Instant now) throws SempException {
        if (guards.nonces().record(nonce, now) == NonceLedger.Recorded.REPLAYED) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "replayed init nonce");
        }
    }

    /** The signed challenge when policy demands one (HANDSHAKE.md §2.2a). */
    Optional<byte[]> challenge(InitSummary init, Instant now) {
        Optional<PowDemand> demand = guards.challenges().demand(init);
        if (demand.isEmpty()) {
            return Optional.empty();
        }
        pending = PowChallenge.issue(demand.get(), now, random);
        return Optional.of(Wire.encode(pending.message(signingKey)));
    }

    /** Checks a {@code challenge_response} (HANDSHAKE.md §2.2b.2). */
    void checkSolution(JsonObject response, Instant now) throws SempException, JsonException {
        PowChallenge c = pending;
        pending = null;
        if (c == null) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "no challenge outstanding");
        }
        c.check(response, now, guards.usedChallenges());
    }

    /**
     * The responder's key exchange (SESSION.md §2.1; semp-go order of randomness): encapsulate to
     * the initiator's ephemeral key, draw a 32-byte {@code server_nonce} and a session id, derive
     * the five keys with salt {@code client_nonce || server_nonce}, zero the shared secret.
     */
    Exchange exchange(CryptoSuite suite, EphemeralPublicKey initiatorKey, byte[] clientNonce, Instant now) throws SempException {
        KemEncapsulation e;
        try {
            e = suite.kem().encapsulate(initiatorKey.key(), random);
        } catch (CryptoException ex) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "initiator ephemeral key is unusable", ex);
        }
        try {
            byte[] serverNonce = random.bytes(32);
            sessionId = ids.next(now, random);
            keys = KeySchedule.session(suite, e.sharedSecret(), clientNonce, serverNonce);
            return new Exchange(e.ciphertext(), serverNonce, sessionId);
        } finally {
            e.sharedSecret().destroy();
        }
    }

    SessionKeys keys() {
        return keys;
    }

    /** Passes the keys to the session; this core no longer owns them. */
    SessionKeys handOver() {
        SessionKeys k = keys;
        keys = null;
        return k;
    }

    /**
     * The frame every message to a responder goes through: a finished handshake takes nothing,
     * a late message is rejected (HANDSHAKE.md §6.6), the peer's own {@code rejected} ends the
     * handshake, and every typed failure of {@code handler} becomes a signed {@code rejected}
     * (HANDSHAKE.md §4.1).
     *
     * @param peerKey the key to check a peer's rejection with, when the peer is known by now
     * @param stage the state the message arrives in, for the failure detail
     */
    Step receive(byte[] message, Instant now, Optional<DomainSigningPublicKey> peerKey, Object stage, Handler handler) {
        if (finished) {
            return new Step.Rejected(SempReason.HANDSHAKE_INVALID, "handshake already finished", Step.Origin.LOCAL, Optional.empty());
        }
        if (!now.isBefore(deadline)) {
            return fail(SempReason.HANDSHAKE_EXPIRED, "message after the handshake deadline", Optional.empty());
        }
        try {
            JsonObject m = Wire.parse(message);
            if ("rejected".equals(m.requireString("step"))) {
                finish();
                return Rejection.fromPeer(m, peerKey);
            }
            return handler.handle(m);
        } catch (UnsupportedExtension e) {
            return fail(e.reason(), e.getMessage(), e.key());
        } catch (SempException e) {
            return fail(e.reason(), e.getMessage(), Optional.empty());
        } catch (JsonException e) {
            return fail(SempReason.HANDSHAKE_INVALID, "malformed " + stage + " message: " + e.getMessage(), Optional.empty());
        }
    }

    /**
     * Ends the handshake with a signed {@code rejected} for the peer, naming {@code extension} for
     * an {@code extension_unsupported} (EXTENSIONS.md §3.1).
     */
    Step fail(SempReason reason, String detail, Optional<String> extension) {
        byte[] rejection = Rejection.signed(sessionId(), reason, extension, signingKey);
        finish();
        return new Step.Rejected(reason, detail, Step.Origin.LOCAL, Optional.of(rejection));
    }

    /** Ends the handshake without a word: a silent block (HANDSHAKE.md §4.2). */
    Step silent() {
        finish();
        return new Step.Rejected(SempReason.BLOCKED, "init ignored by a silent block", Step.Origin.LOCAL, Optional.empty());
    }

    /** The handshake is over: nothing more is taken, and keys not handed over are zeroed. */
    void finish() {
        finished = true;
        abandon();
    }

    /** Zeroes keys not yet handed to a session. */
    void abandon() {
        pending = null;
        if (keys != null) {
            keys.destroy();
            keys = null;
        }
    }
}
