package sempgw.core.crypto;

/**
 * Authenticated encryption with associated data (RFC 5116). In SEMP: ChaCha20-Poly1305 with a
 * 32-byte key, 12-byte nonce and 16-byte tag (ENVELOPE.md §7.3.1).
 *
 * <pre>{@code
 * byte[] payload = aead.sealWithRandomNonce(kBrief, plaintext, aad, random); // nonce || ct || tag
 * byte[] plain   = aead.openWithPrefixedNonce(kBrief, payload, aad);
 * }</pre>
 */
public sealed interface Aead permits ChaCha20Poly1305 {

    /** Key length in bytes. */
    int keyLength();

    /** Nonce length in bytes. */
    int nonceLength();

    /** Tag length in bytes. */
    int tagLength();

    /** Encrypts and authenticates: returns {@code ciphertext || tag}. Never reuse a (key, nonce). */
    byte[] seal(SecretBytes key, byte[] nonce, byte[] plaintext, byte[] aad);

    /**
     * Verifies and decrypts {@code ciphertext || tag}.
     *
     * @throws CryptoException AUTHENTICATION_FAILED when the tag does not verify or the input is
     *     shorter than a tag
     */
    byte[] open(SecretBytes key, byte[] nonce, byte[] ciphertextAndTag, byte[] aad) throws CryptoException;

    /** Encrypts under a fresh random nonce: returns {@code nonce || ciphertext || tag} (ENVELOPE.md §7.1). */
    byte[] sealWithRandomNonce(SecretBytes key, byte[] plaintext, byte[] aad, RandomSource random);

    /**
     * Opens {@code nonce || ciphertext || tag}.
     *
     * @throws CryptoException AUTHENTICATION_FAILED on a forged, truncated or mis-keyed input
     */
    byte[] openWithPrefixedNonce(SecretBytes key, byte[] nonceCiphertextTag, byte[] aad) throws CryptoException;
}
