package sempgw.core.keys;

import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.SuiteId;

/** A domain's encryption key, public half: senders wrap K_brief to it (ENVELOPE.md §4.4, KEY.md §2.3). */
public final class DomainEncryptionPublicKey extends EncryptionPublicKey {

    private DomainEncryptionPublicKey(SuiteId suite, byte[] raw) throws CryptoException {
        super(suite, raw);
    }

    /**
     * The key from its raw bytes for {@code suite}'s KEM (32 bytes X25519, 1216 bytes hybrid).
     *
     * @throws CryptoException INVALID_KEY on a wrong length
     */
    public static DomainEncryptionPublicKey of(SuiteId suite, byte[] raw) throws CryptoException {
        return new DomainEncryptionPublicKey(suite, raw);
    }
}
