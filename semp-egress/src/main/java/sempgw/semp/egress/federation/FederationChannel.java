package sempgw.semp.egress.federation;

import java.time.Duration;
import java.util.Optional;
import sempgw.core.crypto.SecretBytes;

/**
 * One established federation session with a peer domain and the transport connection it runs
 * on. Shared by concurrent callers: over WebSocket exchanges are serialized, one outstanding
 * message at a time (TRANSPORT.md §4.1; one reply per message, in order); over h2 up to
 * {@link FederationSettings#maxConcurrentEnvelopes()} envelopes are in flight at once (§4.3.2).
 */
public interface FederationChannel {

    /** The peer domain, canonical form. */
    String peerDomain();

    /** The current session id, for {@code postmark.session_id} (changes on rekey, SESSION.md §3.4). */
    String sessionId();

    /**
     * {@code K_env_mac} of the current session epoch, for {@code seal.session_mac} (ENVELOPE.md §4.3).
     *
     * @throws IllegalStateException once the session was dropped and its keys erased: ask
     *     {@link PeerSessions#channel} again
     */
    SecretBytes envMacKey();

    /** The largest envelope the peer accepts: negotiated and advertised limits, the smaller (HANDSHAKE.md §2.3.1). */
    long maxEnvelopeSize();

    /** Sends one envelope in the session and waits for its reply; empty on timeout (silent). */
    Optional<byte[]> exchange(byte[] message, Duration timeout) throws DeliveryException;
}
