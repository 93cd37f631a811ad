package sempgw.core.crypto;

/**
 * A message authentication code. In SEMP: HMAC-SHA-256, used for {@code seal.session_mac} with
 * {@code K_env_mac} (ENVELOPE.md §4.3, VECTORS.md §6.1).
 *
 * <pre>{@code
 * byte[] tag = mac.compute(keys.envMac(), canonical);
 * boolean ok = mac.verify(keys.envMac(), canonical, receivedTag);   // constant time
 * }</pre>
 */
public sealed interface Mac permits HmacSha256 {

    /** Tag length in bytes (32). */
    int tagLength();

    /** The tag of {@code data}. */
    byte[] compute(SecretBytes key, byte[] data);

    /** The tag of {@code data[off..off+len)}. */
    byte[] compute(SecretBytes key, byte[] data, int off, int len);

    /** Constant-time check of {@code tag} against the tag of {@code data} (SESSION.md §5.6). */
    boolean verify(SecretBytes key, byte[] data, byte[] tag);
}
