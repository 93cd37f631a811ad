package sempgw.semp.ingress.documents;

import java.util.Optional;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;

/**
 * Addresses as key requests carry them, brought to the canonical form the directory is keyed by
 * (ENVELOPE.md §2.3: NFC local part, lower-case A-label domain). Anything that does not
 * canonicalize is malformed, and every malformed address gets the same answer. The text is taken
 * literally: the HTTP layer has already percent-decoded the path segment once (RFC 3986 §2.1), and
 * decoding again would turn a literal {@code %} of a local part into another address.
 */
final class AddressText {
    /** Longer than any address (ENVELOPE.md §2.3.3: 254 octets, at most 254 characters). */
    private static final int MAX_CHARS = 254;

    private AddressText() {
    }

    /** The canonical address, or empty when {@code text} is not one. */
    static Optional<SempAddress> canonical(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        try {
            return Optional.of(SempAddress.canonicalize(text));
        } catch (InvalidAddressException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
