package sempgw.core.handshake;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;
import sempgw.core.session.Session;

/**
 * What a responder knows when an {@code init} arrives, for {@link Admission} and
 * {@link ChallengePolicy}: the handshake kind, the transport it names, the initiating domain
 * (federation only; a client init is anonymous, HANDSHAKE.md §1.1) and the suite of its key.
 */
public record InitSummary(Session.Kind kind, String transport, Optional<String> peerDomain, SuiteId suite) {
    public InitSummary {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(peerDomain, "peerDomain");
        Objects.requireNonNull(suite, "suite");
    }
}
