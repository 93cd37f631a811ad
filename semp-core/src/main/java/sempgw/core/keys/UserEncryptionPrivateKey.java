package sempgw.core.keys;

import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.KemPrivateKey;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;

/** A user's (client's) encryption key, private half: unwraps K_brief and K_enclosure (ENVELOPE.md §4.4). In this gateway it belongs to the mailbox agent's custody, not to the server (GATEWAY.md §2). */
public final class UserEncryptionPrivateKey extends DecryptionKey {
    private final UserEncryptionPublicKey publicKey;

    private UserEncryptionPrivateKey(SuiteId suite, KemPrivateKey key) throws CryptoException {
        super(suite, key);
        this.publicKey = UserEncryptionPublicKey.of(suite, key.publicKey());
    }

    /** A fresh key for {@code suite}'s KEM. */
    public static UserEncryptionPrivateKey generate(SuiteId suite, RandomSource random) {
        try {
            return new UserEncryptionPrivateKey(suite, CryptoSuite.of(suite).kem().generate(random));
        } catch (CryptoException e) {
            throw new IllegalStateException("generated key has the wrong length", e);
        }
    }

    /**
     * The key from its stored raw form in semp-go's layout (X25519: 32 bytes; hybrid:
     * {@code x25519(32) || kyber_sk(2400)}).
     *
     * @throws CryptoException INVALID_KEY on a wrong length or an inconsistent key
     */
    public static UserEncryptionPrivateKey fromRaw(SuiteId suite, byte[] raw) throws CryptoException {
        return new UserEncryptionPrivateKey(suite, CryptoSuite.of(suite).kem().importPrivateKey(raw));
    }

    @Override
    public UserEncryptionPublicKey publicKey() {
        return publicKey;
    }
}
