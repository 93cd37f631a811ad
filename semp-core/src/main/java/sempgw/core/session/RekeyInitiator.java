package sempgw.core.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.KemPrivateKey;
import sempgw.core.crypto.KeySchedule;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;

/**
 * The side that starts a rekey (SESSION.md §3.2): one instance per attempt.
 *
 * <ol>
 *   <li>{@link #begin}: refuse locally when {@link RekeyLimits} forbid it; else a fresh
 *   ephemeral key and 32-byte {@code rekey_nonce}, sealed {@code init} in our direction.</li>
 *   <li>{@link #onMessage}: open the answer in the peer's direction under the same keys. A
 *   {@code rejected} ends the attempt (the session keeps its keys). An {@code accepted} must echo
 *   our session id and {@code rekey_nonce}; then decapsulate, zero the ephemeral key, derive the
 *   new keys (salt {@code rekey_nonce || responder_nonce}, go labels; §3.3) and install them
 *   under {@code new_session_id} (§3.4).</li>
 * </ol>
 */
public final class RekeyInitiator {
    private final Session session;
    private final CryptoSuite suite;
    private final RandomSource random;
    private KemPrivateKey ephemeral;
    private byte[] rekeyNonce;
    private String sessionId;
    private SessionKeys keys;

    public RekeyInitiator(Session session, RandomSource random) {
        this.session = Objects.requireNonNull(session, "session");
        this.suite = CryptoSuite.of(session.suite());
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Step 1: the sealed {@code init} to send, or a local refusal. */
    public RekeyStep begin(Instant now) {
        if (sessionId != null) {
            throw new IllegalStateException("rekey already begun");
        }
        Optional<SempReason> no = RekeyLimits.refusal(session, now);
        if (no.isPresent()) {
            return new RekeyStep.Refused(no.get(), "rekey not allowed now", false, Optional.empty());
        }
        keys = session.keys();
        sessionId = session.id();
        ephemeral = suite.kem().generate(random);
        rekeyNonce = random.bytes(32);
        JsonObject init = RekeyMessages.init(sessionId, new EphemeralPublicKey(suite.id(), ephemeral.publicKey()), rekeyNonce);
        return new RekeyStep.Send(SealedRekey.seal(suite, keys, sessionId, RekeyDirection.sentBy(session.side()), init, random));
    }

    /** Step 2: the peer's sealed answer. */
    public RekeyStep onMessage(byte[] message, Instant now) {
        if (ephemeral == null || ephemeral.isDestroyed()) {
            return new RekeyStep.Refused(SempReason.HANDSHAKE_INVALID, "no rekey in progress", false, Optional.empty());
        }
        try {
            RekeyDirection theirs = RekeyDirection.sentBy(session.side()) == RekeyDirection.C2S ? RekeyDirection.S2C : RekeyDirection.C2S;
            JsonObject inner = SealedRekey.open(suite, keys, sessionId, theirs, message);
            if (!SealedRekey.TYPE.equals(inner.requireString("type")) || !sessionId.equals(inner.requireString("session_id"))) {
                throw new SempException(SempReason.HANDSHAKE_INVALID, "answer is for another session");
            }
            String step = inner.requireString("step");
            if (RekeyMessages.REJECTED.equals(step)) {
                return new RekeyStep.Refused(SempReason.parse(inner.requireString("reason_code")),
                        "peer refused the rekey", true, Optional.empty());
            }
            if (!RekeyMessages.ACCEPTED.equals(step)) {
                throw new SempException(SempReason.HANDSHAKE_INVALID, "unexpected rekey step");
            }
            return install(inner, now);
        } catch (SempException e) {
            return new RekeyStep.Refused(e.reason(), e.getMessage(), false, Optional.empty());
        } catch (JsonException e) {
            return new RekeyStep.Refused(SempReason.HANDSHAKE_INVALID, "malformed rekey answer: " + e.getMessage(), false, Optional.empty());
        } finally {
            abandon();
        }
    }

    /** Zeroes the ephemeral key; the attempt cannot complete afterwards. */
    public void abandon() {
        if (ephemeral != null) {
            ephemeral.destroy();
        }
    }

    private RekeyStep install(JsonObject inner, Instant now) throws SempException, JsonException {
        String echoed = inner.requireString("rekey_nonce");
        if (!java.util.Base64.getEncoder().encodeToString(rekeyNonce).equals(echoed)) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "answer echoes another rekey_nonce");
        }
        String newId = inner.requireString("new_session_id");
        if (newId.isEmpty() || newId.length() > 128 || newId.equals(sessionId)) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "unusable new_session_id");
        }
        EphemeralPublicKey theirs = EphemeralPublicKey.read(inner.requireObject("new_ephemeral_key"), EphemeralPublicKey.Role.CIPHERTEXT);
        if (theirs.suite() != suite.id()) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "answer uses another suite");
        }
        byte[] responderNonce = Codec.nonce(inner.requireString("responder_nonce"), "responder_nonce");
        SecretBytes shared;
        try {
            shared = ephemeral.decapsulate(theirs.key());
        } catch (CryptoException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "rekey key agreement failed", e);
        }
        ephemeral.destroy();
        try {
            if (!session.id().equals(sessionId)) {
                throw new SempException(SempReason.HANDSHAKE_INVALID, "session changed during the rekey");
            }
            session.applyRekey(newId, KeySchedule.rekey(suite, shared, rekeyNonce, responderNonce), now);
        } finally {
            shared.destroy();
        }
        return new RekeyStep.Rekeyed(newId, Optional.empty());
    }
}
