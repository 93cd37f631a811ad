package sempgw.semp.ingress.receive;

import java.util.Objects;

/**
 * The federation session a conversation runs in: the peer domain whose ownership the handshake
 * verified (HANDSHAKE.md §5, CONFORMANCE.md §4.8) and the {@code session_id} it established.
 * Envelopes received in the conversation must name this session and this domain.
 *
 * @param peerDomain the verified peer domain, lower-case A-label
 * @param sessionId the established session's {@code session_id}
 */
public record PeerSessionRef(String peerDomain, String sessionId) {
    public PeerSessionRef {
        Objects.requireNonNull(peerDomain, "peerDomain");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
