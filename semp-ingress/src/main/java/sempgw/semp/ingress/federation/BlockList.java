package sempgw.semp.ingress.federation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operator's domain and server block entries, checked on every federation {@code init} before
 * any session resource is spent (DELIVERY.md §6.1, HANDSHAKE.md §4.2) and on envelopes in a
 * session. User entries need the decrypted brief and belong to the receive pipeline.
 *
 * <p>A domain entry matches the init's {@code server_domain}; a server entry matches its
 * {@code server_id} (the initiating server's signed self-name, HANDSHAKE.md §5.2). Both compare
 * ASCII case-insensitively, without a trailing dot. When several entries match, {@code silent}
 * wins. IP addresses and network ranges are refused as entries (DELIVERY.md §5.3.1).
 */
public record BlockList(List<Entry> entries) {

    /** No entries. */
    public static final BlockList EMPTY = new BlockList(List.of());

    public BlockList {
        entries = List.copyOf(entries);
    }

    /** What the entry names (DELIVERY.md §5.3). */
    public enum Target { DOMAIN, SERVER }

    /** The answer a matching peer gets (DELIVERY.md §5.2). */
    public enum Acknowledgment {
        /** Refuse with {@code blocked}. */
        REJECTED,
        /** Send nothing at all (DELIVERY.md §1.3). */
        SILENT
    }

    /**
     * One block entry.
     *
     * @param expiresAt when the entry stops applying; empty for a permanent entry
     */
    public record Entry(Target target, String name, Acknowledgment acknowledgment, Optional<Instant> expiresAt) {
        private static final Pattern ADDRESS_LIKE = Pattern.compile("^[0-9.]+$|[:/]");

        public Entry {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(acknowledgment, "acknowledgment");
            Objects.requireNonNull(expiresAt, "expiresAt");
            name = normalize(Objects.requireNonNull(name, "name"));
            if (name.isEmpty() || ADDRESS_LIKE.matcher(name).find()) {
                throw new IllegalArgumentException("block entries name domains or server hosts, never addresses or ranges (DELIVERY.md §5.3.1)");
            }
        }

        /** A permanent entry. */
        public static Entry of(Target target, String name, Acknowledgment acknowledgment) {
            return new Entry(target, name, acknowledgment, Optional.empty());
        }

        /** Whether the entry applies at {@code now} (DELIVERY.md §5.2 {@code expires_at}). */
        public boolean isLive(Instant now) {
            return expiresAt.isEmpty() || now.isBefore(expiresAt.get());
        }

        boolean matches(String domain, Optional<String> serverId, Instant now) {
            if (!isLive(now)) {
                return false;
            }
            return switch (target) {
                case DOMAIN -> name.equals(domain);
                case SERVER -> serverId.map(BlockList::normalize).filter(name::equals).isPresent();
            };
        }
    }

    /** The acknowledgment for a peer, or empty when no live entry matches. */
    public Optional<Acknowledgment> match(String peerDomain, Optional<String> serverId, Instant now) {
        String domain = normalize(peerDomain);
        Optional<Acknowledgment> found = Optional.empty();
        for (Entry e : entries) {
            if (e.matches(domain, serverId, now)) {
                if (e.acknowledgment() == Acknowledgment.SILENT) {
                    return Optional.of(Acknowledgment.SILENT);
                }
                found = Optional.of(Acknowledgment.REJECTED);
            }
        }
        return found;
    }

    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
