package sempgw.core.keys;

import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.Ed25519PublicKey;

/** A user's Ed25519 identity key, public half: verifies enclosure sender signatures and identity proofs (KEY.md §1). */
public final class IdentityPublicKey extends VerifyingKey {

    private IdentityPublicKey(Ed25519PublicKey key) {
        super(key);
    }

    /**
     * The key from its raw 32 bytes.
     *
     * @throws CryptoException INVALID_KEY on a wrong length or a non-point encoding
     */
    public static IdentityPublicKey of(byte[] raw) throws CryptoException {
        return new IdentityPublicKey(Ed25519PublicKey.of(raw));
    }

    static IdentityPublicKey of(Ed25519PublicKey key) {
        return new IdentityPublicKey(key);
    }
}
