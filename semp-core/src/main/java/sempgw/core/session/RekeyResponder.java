package sempgw.core.session;

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

/**
 * The side that answers a rekey (SESSION.md §3.2-§3.5). Numbered steps, each failure with its
 * reason code:
 *
 * <ol>
 *   <li>Open the sealed message in the peer's direction under the current keys. If it does not
 *   open there is no authenticated channel to answer on: refuse without a reply
 *   ({@code handshake_invalid}).</li>
 *   <li>It must be an {@code init} for the current session id, else a sealed {@code rejected}
 *   with {@code session_expired}.</li>
 *   <li>{@link RekeyLimits}: expired gives {@code session_expired}, too soon or too often
 *   {@code rate_limited}, each as a sealed {@code rejected}.</li>
 *   <li>The initiator's key must be of the session's suite, and its nonce at least 32 bytes;
 *   otherwise {@code rekey_unsupported}.</li>
 *   <li>Encapsulate to it, draw {@code responder_nonce} and {@code new_session_id}, derive the
 *   new keys, seal {@code accepted} under the <em>old</em> keys, then install the new ones.</li>
 * </ol>
 */
public final class RekeyResponder {
    private RekeyResponder() {
    }

    /** Answers one sealed rekey message with fresh ULID session ids. */
    public static RekeyStep handle(Session session, byte[] message, Instant now, RandomSource random) {
        return handle(session, message, now, random, SessionIds.ulid());
    }

    /** Answers one sealed rekey message, naming the new session with {@code ids}. */
    public static RekeyStep handle(Session session, byte[] message, Instant now, RandomSource random, SessionIds ids) {
        CryptoSuite suite = CryptoSuite.of(session.suite());
        SessionKeys keys = session.keys();
        String id = session.id();
        RekeyDirection ours = RekeyDirection.sentBy(session.side());
        RekeyDirection theirs = ours == RekeyDirection.C2S ? RekeyDirection.S2C : RekeyDirection.C2S;
        JsonObject init;
        try {
            init = SealedRekey.open(suite, keys, id, theirs, message);
        } catch (SempException e) {
            return new RekeyStep.Refused(e.reason(), e.getMessage(), false, Optional.empty());
        }
        try {
            if (!SealedRekey.TYPE.equals(init.requireString("type")) || !RekeyMessages.INIT.equals(init.requireString("step"))) {
                throw new SempException(SempReason.REKEY_UNSUPPORTED, "not a rekey init");
            }
            if (!id.equals(init.requireString("session_id"))) {
                throw new SempException(SempReason.SESSION_EXPIRED, "rekey init names another session");
            }
            Optional<SempReason> no = RekeyLimits.refusal(session, now);
            if (no.isPresent()) {
                throw new SempException(no.get(), "rekey limits");
            }
            return accept(session, suite, keys, id, ours, init, now, random, ids);
        } catch (SempException e) {
            return refuse(suite, keys, id, ours, e.reason(), e.getMessage(), random);
        } catch (JsonException e) {
            return refuse(suite, keys, id, ours, SempReason.REKEY_UNSUPPORTED, "malformed rekey init: " + e.getMessage(), random);
        }
    }

    private static RekeyStep accept(Session session, CryptoSuite suite, SessionKeys keys, String id, RekeyDirection ours,
                                    JsonObject init, Instant now, RandomSource random, SessionIds ids)
            throws SempException, JsonException {
        EphemeralPublicKey theirs;
        byte[] rekeyNonce;
        try {
            theirs = EphemeralPublicKey.read(init.requireObject("new_ephemeral_key"), EphemeralPublicKey.Role.PUBLIC_KEY);
            rekeyNonce = Codec.nonce(init.requireString("rekey_nonce"), "rekey_nonce");
        } catch (SempException e) {
            throw new SempException(SempReason.REKEY_UNSUPPORTED, e.getMessage(), e);
        }
        if (theirs.suite() != suite.id()) {
            throw new SempException(SempReason.REKEY_UNSUPPORTED, "rekey key of another suite");
        }
        KemEncapsulation e;
        try {
            e = suite.kem().encapsulate(theirs.key(), random);
        } catch (CryptoException ex) {
            throw new SempException(SempReason.REKEY_UNSUPPORTED, "rekey key agreement failed", ex);
        }
        try {
            byte[] responderNonce = random.bytes(32);
            String newId = ids.next(now, random);
            SessionKeys next = KeySchedule.rekey(suite, e.sharedSecret(), rekeyNonce, responderNonce);
            JsonObject accepted = RekeyMessages.accepted(id, newId, new EphemeralPublicKey(suite.id(), e.ciphertext()),
                    init.requireString("rekey_nonce"), responderNonce);
            byte[] reply = SealedRekey.seal(suite, keys, id, ours, accepted, random);
            session.applyRekey(newId, next, now);
            return new RekeyStep.Rekeyed(newId, Optional.of(reply));
        } finally {
            e.sharedSecret().destroy();
        }
    }

    private static RekeyStep refuse(CryptoSuite suite, SessionKeys keys, String id, RekeyDirection ours, SempReason reason,
                                    String detail, RandomSource random) {
        byte[] reply = SealedRekey.seal(suite, keys, id, ours, RekeyMessages.rejected(id, reason), random);
        return new RekeyStep.Refused(reason, detail, false, Optional.of(reply));
    }
}
