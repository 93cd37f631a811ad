package sempgw.core.keys;

import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.Ed25519PrivateKey;
import sempgw.core.crypto.RandomSource;

/** A user's Ed25519 identity key, private half: signs enclosures (SEMP-ENCLOSURE-SENDER:) and identity proofs (SEMP-IDENTITY:) (KEY.md §1). */
public final class IdentityPrivateKey extends SigningKey {
    private final IdentityPublicKey publicKey;

    private IdentityPrivateKey(Ed25519PrivateKey key) {
        super(key);
        this.publicKey = IdentityPublicKey.of(key.publicKey());
    }

    /** A fresh key. */
    public static IdentityPrivateKey generate(RandomSource random) {
        return new IdentityPrivateKey(Ed25519PrivateKey.generate(random));
    }

    /**
     * The key from stored bytes: the 32-byte RFC 8032 seed, or Go's 64-byte {@code seed || public}.
     *
     * @throws CryptoException INVALID_KEY on another length or mismatched halves
     */
    public static IdentityPrivateKey fromSeed(byte[] seed) throws CryptoException {
        return new IdentityPrivateKey(Ed25519PrivateKey.fromSeed(seed));
    }

    @Override
    public IdentityPublicKey publicKey() {
        return publicKey;
    }
}
