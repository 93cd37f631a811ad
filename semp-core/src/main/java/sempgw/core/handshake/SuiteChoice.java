package sempgw.core.handshake;

import java.util.List;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;

/**
 * The initiator's side of suite negotiation (HANDSHAKE.md §6.4, SESSION.md §4.3): it sends one
 * ephemeral key, so it must pick the suite before the responder answers. Prefer the PQ hybrid
 * when both sides support it, then the baseline suite.
 */
public final class SuiteChoice {
    private static final List<SuiteId> STRENGTH = List.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305);

    private SuiteChoice() {
    }

    /**
     * The strongest suite in both lists, e.g. ours against the peer's discovery document
     * ({@code suites} / {@code encryption_algorithms}); empty when they share none.
     */
    public static Optional<SuiteId> strongestCommon(List<SuiteId> ours, List<SuiteId> peers) {
        return STRENGTH.stream().filter(ours::contains).filter(peers::contains).findFirst();
    }
}
