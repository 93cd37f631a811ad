package sempgw.core.crypto;

/**
 * The token that unlocks raw secret bytes. Every use is a place where key material leaves its
 * holder (key storage, tests), so grep for this name when reviewing.
 */
public final class InsecureSecretAccess {
    private static final InsecureSecretAccess INSTANCE = new InsecureSecretAccess();

    private InsecureSecretAccess() {
    }

    /** The token. */
    public static InsecureSecretAccess get() {
        return INSTANCE;
    }
}
