package sempgw.semp.ingress.receive;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link KnownCorrespondents} in memory, unbounded, for tests; lost on restart, so a restart can
 * only gate a sender again (a challenge), never let one through that was not known. The gateway
 * keeps the set on disk, bounded ({@link KnownCorrespondentsJournal}).
 */
public final class InMemoryKnownCorrespondents implements KnownCorrespondents {
    private final Set<Pair> known = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isKnown(String recipient, String senderDomain) {
        return known.contains(new Pair(recipient, senderDomain));
    }

    @Override
    public void remember(String recipient, String senderDomain) {
        known.add(new Pair(recipient, senderDomain));
    }

    private record Pair(String recipient, String senderDomain) {
        Pair {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(senderDomain, "senderDomain");
        }
    }
}
