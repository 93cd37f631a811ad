package sempgw.core.crypto;

/**
 * HKDF (RFC 5869). In SEMP: HKDF-SHA-512 (ENVELOPE.md §7.3.1). Expand accepts any PRK length, so
 * the 32-byte PRKs of per-extension and attachment keys work too (unlike the JDK's expandOnly).
 *
 * <pre>{@code
 * SecretBytes prk = kdf.extract(salt, ikm);
 * SecretBytes key = kdf.expand(prk, "SEMP-v1-wrap".getBytes(US_ASCII), 32);
 * }</pre>
 */
public sealed interface Hkdf permits HkdfSha512 {

    /** HKDF-Extract (RFC 5869 §2.2); an empty salt means a block of zeros. */
    SecretBytes extract(byte[] salt, SecretBytes ikm);

    /** HKDF-Expand (RFC 5869 §2.3) to {@code length} bytes, at most 255 hash lengths. */
    SecretBytes expand(SecretBytes prk, byte[] info, int length);

    /** Extract then expand. */
    default SecretBytes derive(byte[] salt, SecretBytes ikm, byte[] info, int length) {
        SecretBytes prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            prk.destroy();
        }
    }
}
