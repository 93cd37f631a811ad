package sempgw.store.queue;

import java.io.IOException;

/**
 * A queue file that cannot be read back: bad format, truncated, or failed authentication. The
 * message says which part failed and never contains message data.
 */
final class CorruptEntryException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptEntryException(String reason) {
        super(reason);
    }
}
