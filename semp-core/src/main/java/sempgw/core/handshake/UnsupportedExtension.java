package sempgw.core.handshake;

import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;

/**
 * {@code extension_unsupported} for a handshake extension marked {@code required: true} that we
 * do not implement, carrying its key when well-formed: the rejection must name it (EXTENSIONS.md
 * §3.1, in the {@code extension} member of §8.3), and a malformed key (§2.3) is left out rather
 * than signed.
 */
final class UnsupportedExtension extends SempException {
    private static final long serialVersionUID = 1L;

    private final String key;

    UnsupportedExtension(Optional<String> key) {
        super(SempReason.EXTENSION_UNSUPPORTED, "required handshake extension not supported");
        this.key = key.orElse(null);
    }

    /** The extension key the rejection names; empty when the peer's key is not well-formed. */
    Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
