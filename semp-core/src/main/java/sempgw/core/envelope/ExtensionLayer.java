package sempgw.core.envelope;

/**
 * The four envelope layers that carry an {@code extensions} object, with their size limits
 * (EXTENSIONS.md §4.1, ENVELOPE.md §8).
 *
 * <p>The spec gives the limits in "KB" without saying 1000 or 1024 (SPEC-DIGEST-WIRE §9 item 9).
 * A receiver must not enforce less than the spec (EXTENSIONS.md §4.2), so we accept up to the
 * 1024-based figure; a sender must fit every reading, so we compose only up to the 1000-based one.
 */
public enum ExtensionLayer {
    /** Routing extensions, public to every server in transit. */
    POSTMARK(4),
    /** Integrity extensions, public to every server in transit. */
    SEAL(4),
    /** Private metadata, readable by the recipient server and client. */
    BRIEF(16),
    /** Content metadata, readable by the recipient client only. */
    ENCLOSURE(64);

    private final int kilobytes;

    ExtensionLayer(int kilobytes) {
        this.kilobytes = kilobytes;
    }

    /** The largest serialized {@code extensions} object we accept: {@code KB * 1024} bytes. */
    public int receiveLimit() {
        return kilobytes * 1024;
    }

    /** The largest serialized {@code extensions} object we send: {@code KB * 1000} bytes. */
    public int sendLimit() {
        return kilobytes * 1000;
    }
}
