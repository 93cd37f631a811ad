package sempgw.core.handshake;

import sempgw.core.SempException;
import sempgw.core.SempReason;

/**
 * {@code extension_unsupported} for a handshake extension marked {@code required: true} that we
 * do not implement, carrying its key: the rejection must name it (EXTENSIONS.md §3.1, in the
 * {@code extension} member of §8.3).
 */
final class UnsupportedExtension extends SempException {
    private static final long serialVersionUID = 1L;

    private final String key;

    UnsupportedExtension(String key) {
        super(SempReason.EXTENSION_UNSUPPORTED, "required handshake extension not supported");
        this.key = key;
    }

    /** The extension key the rejection names. */
    String key() {
        return key;
    }
}
