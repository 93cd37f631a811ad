package sempgw.core.keys;

import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.KemPrivateKey;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;

/** A domain's encryption key, private half: unwraps K_brief of envelopes addressed to the domain (ENVELOPE.md §4.4). */
public final class DomainEncryptionPrivateKey extends DecryptionKey {
    private final DomainEncryptionPublicKey publicKey;

    private DomainEncryptionPrivateKey(SuiteId suite, KemPrivateKey key) throws CryptoException {
        super(suite, key);
        this.publicKey = DomainEncryptionPublicKey.of(suite, key.publicKey());
    }

    /** A fresh key for {@code suite}'s KEM. */
    public static DomainEncryptionPrivateKey generate(SuiteId suite, RandomSource random) {
        try {
            return new DomainEncryptionPrivateKey(suite, CryptoSuite.of(suite).kem().generate(random));
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
    public static DomainEncryptionPrivateKey fromRaw(SuiteId suite, byte[] raw) throws CryptoException {
        return new DomainEncryptionPrivateKey(suite, CryptoSuite.of(suite).kem().importPrivateKey(raw));
    }

    @Override
    public DomainEncryptionPublicKey publicKey() {
        return publicKey;
    }
}
