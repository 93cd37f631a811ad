package sempgw.core.keys;

import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.Ed25519PublicKey;

/** A domain's Ed25519 signing key, public half: verifies seals, handshake messages and key records (KEY.md §1.1, §2.3). */
public final class DomainSigningPublicKey extends VerifyingKey {

    private DomainSigningPublicKey(Ed25519PublicKey key) {
        super(key);
    }

    /**
     * The key from its raw 32 bytes.
     *
     * @throws CryptoException INVALID_KEY on a wrong length or a non-point encoding
     */
    public static DomainSigningPublicKey of(byte[] raw) throws CryptoException {
        return new DomainSigningPublicKey(Ed25519PublicKey.of(raw));
    }

    static DomainSigningPublicKey of(Ed25519PublicKey key) {
        return new DomainSigningPublicKey(key);
    }
}
