package sempgw.core.keys;

import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.Ed25519PrivateKey;
import sempgw.core.crypto.RandomSource;

/** A domain's Ed25519 signing key, private half: signs seals (SEMP-ENVELOPE:), handshake messages (SEMP-HANDSHAKE:) and key records (KEY.md §1.1). */
public final class DomainSigningPrivateKey extends SigningKey {
    private final DomainSigningPublicKey publicKey;

    private DomainSigningPrivateKey(Ed25519PrivateKey key) {
        super(key);
        this.publicKey = DomainSigningPublicKey.of(key.publicKey());
    }

    /** A fresh key. */
    public static DomainSigningPrivateKey generate(RandomSource random) {
        return new DomainSigningPrivateKey(Ed25519PrivateKey.generate(random));
    }

    /**
     * The key from stored bytes: the 32-byte RFC 8032 seed, or Go's 64-byte {@code seed || public}.
     *
     * @throws CryptoException INVALID_KEY on another length or mismatched halves
     */
    public static DomainSigningPrivateKey fromSeed(byte[] seed) throws CryptoException {
        return new DomainSigningPrivateKey(Ed25519PrivateKey.fromSeed(seed));
    }

    @Override
    public DomainSigningPublicKey publicKey() {
        return publicKey;
    }
}
