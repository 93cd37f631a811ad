package sempgw.core.envelope.seal;

import java.util.List;
import sempgw.core.crypto.SecretBytes;

/**
 * What the server's session table knows about a {@code postmark.session_id} (ENVELOPE.md §9.1
 * item 4, §9.3).
 */
public sealed interface SessionState {

    /**
     * A live session. During the rekey grace window (SESSION.md §3.4) it may hold the previous
     * {@code K_env_mac} too, so envelopes sealed just before the rekey still verify.
     *
     * @param envMacKeys the current {@code K_env_mac} first, then at most a previous one
     */
    record Active(List<SecretBytes> envMacKeys) implements SessionState {
        public Active {
            envMacKeys = List.copyOf(envMacKeys);
            if (envMacKeys.isEmpty()) {
                throw new IllegalArgumentException("an active session has a K_env_mac");
            }
        }

        /** A session with one key. */
        public static Active of(SecretBytes envMacKey) {
            return new Active(List.of(envMacKey));
        }
    }

    /** The session's TTL elapsed: {@code handshake_expired}, re-handshake and resend. */
    record Expired() implements SessionState {
    }

    /** The session was invalidated: {@code handshake_invalid}. */
    record Invalidated() implements SessionState {
    }

    /** No such session: {@code no_session}. */
    record Unknown() implements SessionState {
    }
}
