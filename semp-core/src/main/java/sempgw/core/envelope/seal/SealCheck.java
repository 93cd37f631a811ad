package sempgw.core.envelope.seal;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sempgw.core.ClockTolerance;
import sempgw.core.SempReason;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.HmacSha256;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.envelope.Envelope;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;

/** The seal steps of the receive pipeline: signature, expiry, session, MAC (ENVELOPE.md §9.1, §7.2 steps 1-4). */
final class SealCheck {
    private SealCheck() {
    }

    /**
     * {@code seal.signature} over {@code "SEMP-ENVELOPE:" || C} with a published key of
     * {@code from_domain} (§7.2 step 1). A well-formed {@code key_id} selects the key; a
     * placeholder, as semp-cli sends, means trying each current key. No key, an unknown key id or
     * a bad signature all fail closed; keys that cannot be learned now are
     * {@code server_unavailable}, which the sender retries (ERRORS.md §3, KEY.md §6.4).
     */
    static void signature(Envelope e, byte[] canonical, SenderDomainKeys keys) throws Rejection {
        Optional<KeyId> id = KeyId.parse(e.seal().keyId());
        List<DomainSigningPublicKey> known = switch (keys.signingKeys(e.postmark().fromDomain(), id)) {
            case SenderDomainKeys.Published p -> p.keys();
            case SenderDomainKeys.Unavailable u ->
                    throw new Rejection(SempReason.SERVER_UNAVAILABLE, "sender domain keys temporarily unavailable, retry later");
            case null -> List.of();
        };
        if (known.isEmpty()) {
            throw new Rejection(SempReason.SEAL_INVALID, "no signing key known for the sender domain");
        }
        List<DomainSigningPublicKey> candidates = id.isEmpty() ? known : known.stream().filter(k -> k.keyId().equals(id.get())).toList();
        if (candidates.isEmpty()) {
            throw new Rejection(SempReason.SEAL_INVALID, "seal.key_id is not a current key of the sender domain");
        }
        byte[] sig = decode(e.seal().signature());
        for (DomainSigningPublicKey k : candidates) {
            if (sig != null && k.verify(SignatureContext.ENVELOPE, canonical, sig)) {
                return;
            }
        }
        throw new Rejection(SempReason.SEAL_INVALID, "seal.signature does not verify");
    }

    /** {@code postmark.expires} not in the past, allowing {@code grace} (§7.2 step 2, CONFORMANCE.md §9.3.1). */
    static void expiry(Envelope e, Instant now, Duration grace) throws Rejection {
        if (ClockTolerance.expired(e.postmark().expires(), now, grace)) {
            throw new Rejection(SempReason.ENVELOPE_EXPIRED, "postmark.expires is in the past");
        }
    }

    /** {@code postmark.session_id} names a live session (§7.2 step 3, §9.3); its MAC keys. */
    static List<SecretBytes> session(Envelope e, SessionLookup sessions) throws Rejection {
        String id = e.postmark().sessionId();
        if (id.isEmpty()) {
            throw new Rejection(SempReason.NO_SESSION, "postmark.session_id is absent");
        }
        return switch (sessions.find(id)) {
            case SessionState.Active a -> a.envMacKeys();
            case SessionState.Expired x -> throw new Rejection(SempReason.HANDSHAKE_EXPIRED, "session TTL elapsed");
            case SessionState.Invalidated x -> throw new Rejection(SempReason.HANDSHAKE_INVALID, "session was invalidated");
            case SessionState.Unknown x -> throw new Rejection(SempReason.NO_SESSION, "no such session");
            case null -> throw new Rejection(SempReason.NO_SESSION, "no such session");
        };
    }

    /** {@code seal.session_mac} = HMAC-SHA-256(K_env_mac, C), compared in constant time (§7.2 step 4, SESSION.md §5.6). */
    static void mac(Envelope e, byte[] canonical, List<SecretBytes> keys) throws Rejection {
        byte[] tag = decode(e.seal().sessionMac());
        boolean ok = false;
        for (SecretBytes k : keys) {
            ok |= tag != null && MessageDigest.isEqual(HmacSha256.INSTANCE.compute(k, canonical), tag);
        }
        if (!ok) {
            throw new Rejection(SempReason.SESSION_MAC_INVALID, "seal.session_mac does not verify");
        }
    }

    private static byte[] decode(String b64) {
        try {
            return StrictBase64.decode(b64);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
