package sempgw.core.crypto;

import java.util.Objects;

/**
 * A cryptographic operation failed on its input: a forged or corrupted ciphertext, a malformed
 * or low-order key. Never carries secret data. Map it to the layer's reason code
 * (e.g. {@code seal_invalid}) at the protocol boundary.
 */
public final class CryptoException extends Exception {

    /** What went wrong, coarsely: callers must not distinguish failures toward a peer. */
    public enum Kind {
        /** AEAD tag or MAC mismatch: the data was altered or the key is wrong. */
        AUTHENTICATION_FAILED,
        /** A public or private key of the wrong length or an invalid point. */
        INVALID_KEY,
        /** A KEM ciphertext or wrapped key of the wrong shape, or a degenerate agreement. */
        INVALID_CIPHERTEXT
    }

    private final Kind kind;

    /** A failure of {@code kind} with an operator-facing message. */
    public CryptoException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A failure of {@code kind} with its cause. */
    public CryptoException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The class of failure. */
    public Kind kind() {
        return kind;
    }
}
