package sempgw.core.crypto;

/**
 * A key encapsulation mechanism as SEMP uses it (SESSION.md §4.1; SPEC-DIGEST-WIRE §1.2): the
 * initiator publishes a public key, the responder encapsulates to it and returns the ciphertext,
 * and both hold the same shared secret.
 *
 * <pre>{@code
 * KemPrivateKey mine = kem.generate(random);                       // initiator
 * KemEncapsulation e = kem.encapsulate(mine.publicKey(), random);  // responder
 * SecretBytes ss = mine.decapsulate(e.ciphertext());               // initiator
 * }</pre>
 */
public sealed interface Kem permits X25519Kem, HybridKem {

    /** The suite this KEM belongs to. */
    SuiteId suite();

    /** Public key size in bytes (X25519: 32; hybrid: 1216). */
    int publicKeyLength();

    /** Ciphertext size in bytes (X25519: 32; hybrid: 1120). */
    int ciphertextLength();

    /** Shared secret size in bytes (X25519: 32; hybrid: 64). */
    int sharedSecretLength();

    /** A fresh key pair. */
    KemPrivateKey generate(RandomSource random);

    /**
     * A private key from its raw stored form (semp-go layout: X25519 scalar, or
     * {@code x25519(32) || kyber_sk(2400)}); the public half is derived from it.
     *
     * @throws CryptoException INVALID_KEY on a wrong length or an inconsistent Kyber key
     */
    KemPrivateKey importPrivateKey(byte[] raw) throws CryptoException;

    /**
     * Encapsulates a fresh shared secret to {@code recipientPublicKey}.
     *
     * @throws CryptoException INVALID_KEY on a wrong length, an invalid Kyber key, or a low-order
     *     X25519 key
     */
    KemEncapsulation encapsulate(byte[] recipientPublicKey, RandomSource random) throws CryptoException;

    /**
     * Recovers the shared secret from {@code ciphertext}.
     *
     * @throws CryptoException INVALID_KEY when the key belongs to another KEM, INVALID_CIPHERTEXT
     *     on a wrong length or a degenerate agreement
     */
    SecretBytes decapsulate(KemPrivateKey key, byte[] ciphertext) throws CryptoException;
}
