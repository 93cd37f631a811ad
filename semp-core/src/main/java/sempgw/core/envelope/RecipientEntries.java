package sempgw.core.envelope;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.KeyWrap;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.keys.DecryptionKey;

/**
 * Finding and unwrapping one's own entry in a seal recipient map (ENVELOPE.md §4.4.1, §7.2 steps
 * 5 and 8). Entries are keyed by the hex fingerprint of the recipient's public key, so a holder
 * looks up each of its keys and never tries dummy entries. The KEM comes from the matching key;
 * the entry must have that KEM's wrapped-key length (SPEC-DIGEST-WIRE §3.2: choose the KEM from
 * the entry, not from the session).
 */
public final class RecipientEntries {
    private static final int WRAPPED_KEY_LENGTH = 32;

    private RecipientEntries() {
    }

    /** The first of {@code keys} that has an entry in {@code map}. */
    public static <K extends DecryptionKey> Optional<K> findKey(Map<String, String> map, List<K> keys) {
        for (K k : keys) {
            if (map.containsKey(k.keyId().hex())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * Unwraps {@code key}'s entry of {@code map}.
     *
     * @throws CryptoException INVALID_CIPHERTEXT when the entry is missing, not base64 or has the
     *     wrong length for the key's KEM; AUTHENTICATION_FAILED when it does not open
     */
    public static SecretBytes unwrap(Map<String, String> map, DecryptionKey key) throws CryptoException {
        String entry = map.get(key.keyId().hex());
        if (entry == null) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "no entry for this key");
        }
        byte[] raw;
        try {
            raw = StrictBase64.decode(entry);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "wrapped key is not base64");
        }
        if (raw.length != KeyWrap.wrappedLength(key.publicKey().kem(), WRAPPED_KEY_LENGTH)) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "wrapped key length does not match the key's KEM");
        }
        SecretBytes k = key.unwrap(raw);
        if (k.length() != WRAPPED_KEY_LENGTH) {
            k.destroy();
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "wrapped key is not 32 bytes");
        }
        return k;
    }
}
