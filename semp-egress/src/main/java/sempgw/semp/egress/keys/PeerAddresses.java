package sempgw.semp.egress.keys;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;

/**
 * Addresses and domains brought to canonical form (ENVELOPE.md §2.3: NFC local part, lower-case
 * A-label domain) before they are asked for, cached or compared with what a peer answered.
 */
final class PeerAddresses {

    private PeerAddresses() {
    }

    /** The canonical form of {@code address}, or empty when it is not an address. */
    static Optional<String> canonical(String address) {
        try {
            return Optional.of(SempAddress.canonicalize(address).toString());
        } catch (InvalidAddressException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code domain} in canonical form.
     *
     * @throws IllegalArgumentException when it is not a domain name
     */
    static String canonicalDomain(String domain) {
        try {
            return SempAddress.canonicalDomain(Objects.requireNonNull(domain, "domain"));
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("not a valid domain: " + e.getMessage(), e);
        }
    }

    /**
     * The canonical forms of {@code addresses}, in order, without duplicates.
     *
     * @throws IllegalArgumentException when one is malformed or not in the canonical {@code domain}
     */
    static Set<String> inDomain(String domain, Collection<String> addresses) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : addresses) {
            String c = canonical(a).orElseThrow(() -> new IllegalArgumentException("not a valid address"));
            if (!c.substring(c.lastIndexOf('@') + 1).equals(domain)) {
                throw new IllegalArgumentException("an address is not in " + domain);
            }
            out.add(c);
        }
        return out;
    }
}
