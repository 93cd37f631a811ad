package sempgw.core.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.Aead;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;

/**
 * Encryption of the brief and the enclosure (ENVELOPE.md §4.4, §7.1 steps 4-5):
 * {@code base64(nonce12 || ChaCha20-Poly1305(K, nonce, json, aad = UTF-8(postmark.id)))}. The
 * associated data binds each payload to its envelope, so a payload cannot be transplanted.
 */
public final class PayloadCipher {
    private PayloadCipher() {
    }

    /** The base64 payload of {@code plaintext} under {@code key}, with a fresh random nonce. */
    public static String seal(Aead aead, SecretBytes key, byte[] plaintext, String postmarkId, RandomSource random) {
        return Base64.getEncoder().encodeToString(aead.sealWithRandomNonce(key, plaintext, aad(postmarkId), random));
    }

    /**
     * The plaintext of a base64 payload.
     *
     * @throws CryptoException INVALID_CIPHERTEXT when not base64, AUTHENTICATION_FAILED when
     *     forged, truncated, under another key or from another envelope
     */
    public static byte[] open(Aead aead, SecretBytes key, String payload, String postmarkId) throws CryptoException {
        byte[] raw;
        try {
            raw = StrictBase64.decode(payload);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "payload is not base64");
        }
        return aead.openWithPrefixedNonce(key, raw, aad(postmarkId));
    }

    private static byte[] aad(String postmarkId) {
        return postmarkId.getBytes(StandardCharsets.UTF_8);
    }
}
