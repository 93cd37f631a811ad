package sempgw.core.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Fresh JDK {@link MessageDigest} objects by cloning an unused prototype, which skips the
 * provider lookup of {@code getInstance} (about half the cost of a short HMAC). The prototypes are
 * never used themselves, so sharing them across threads is safe.
 */
final class Jca {
    private static final MessageDigest SHA256 = digest("SHA-256");
    private static final MessageDigest SHA512 = digest("SHA-512");
    private static final MessageDigest SHA3_256 = digest("SHA3-256");

    private Jca() {
    }

    static MessageDigest sha256() {
        return cloneOf(SHA256);
    }

    static MessageDigest sha512() {
        return cloneOf(SHA512);
    }

    static MessageDigest sha3_256() {
        return cloneOf(SHA3_256);
    }

    private static MessageDigest cloneOf(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return digest(prototype.getAlgorithm());
        }
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " missing from the JDK", e);
        }
    }
}
