package sempgw.core.session;

import java.time.Instant;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;

/**
 * The part of a session a rekey replaces at once (SESSION.md §3.4).
 *
 * @param id the session id of this epoch
 * @param keys its five keys
 * @param startedAt when the epoch began (handshake accepted, or rekey applied)
 * @param expiresAt {@code startedAt + TTL}
 * @param rekeys rekeys so far in the whole session
 * @param lastRekeyAt when the last rekey happened, or {@code null}
 */
record SessionEpoch(String id, SessionKeys keys, Instant startedAt, Instant expiresAt, int rekeys, Instant lastRekeyAt) {

    /** The id and envelope MAC key of the epoch before the last rekey, valid until {@code until}. */
    record Previous(String id, SecretBytes envMac, Instant until) {
    }
}
