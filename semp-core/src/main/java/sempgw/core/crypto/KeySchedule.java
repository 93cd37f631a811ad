package sempgw.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Session and rekey key derivation (HANDSHAKE.md §2.4, SESSION.md §2.1, §3.3, CONFORMANCE.md §6.2):
 * <pre>
 * PRK = HKDF-Extract(salt = nonce_a || nonce_b, IKM = KEM shared secret)
 * key = HKDF-Expand(PRK, label, 32)
 * </pre>
 * Session labels are {@code SEMP-v1-session-{enc-c2s,enc-s2c,mac-c2s,mac-s2c,env-mac}}. Rekey uses
 * semp-go's {@code SEMP-v1-rekey-*} labels, which go peers require (VECTORS.md §2.2 reuses the
 * session labels instead; see docs/interop.md "rekey labels").
 *
 * <pre>{@code
 * SessionKeys k = KeySchedule.session(suite, sharedSecret, clientNonce, serverNonce);
 * }</pre>
 */
public final class KeySchedule {
    /** Labels in the order enc-c2s, enc-s2c, mac-c2s, mac-s2c, env-mac. */
    static final String[] SESSION_LABELS = labels("SEMP-v1-session-");
    static final String[] REKEY_LABELS = labels("SEMP-v1-rekey-");
    /** {@code K_resumption} (HANDSHAKE.md §2.8.3; not in semp-go). */
    static final String RESUMPTION_LABEL = "SEMP-v1-session-resumption";

    private static final int KEY_LENGTH = 32;

    private KeySchedule() {
    }

    /** The five session keys from a handshake's shared secret and 32-byte nonces. */
    public static SessionKeys session(CryptoSuite suite, SecretBytes sharedSecret, byte[] clientNonce, byte[] serverNonce) {
        return derive(suite, sharedSecret, clientNonce, serverNonce, SESSION_LABELS);
    }

    /** The five new keys of a rekey: salt {@code rekey_nonce || responder_nonce}, go's labels (SESSION.md §3.3). */
    public static SessionKeys rekey(CryptoSuite suite, SecretBytes sharedSecret, byte[] rekeyNonce, byte[] responderNonce) {
        return derive(suite, sharedSecret, rekeyNonce, responderNonce, REKEY_LABELS);
    }

    /** {@code K_resumption} for session resumption (HANDSHAKE.md §2.8.3), spec-only. */
    public static SecretBytes resumptionKey(CryptoSuite suite, SecretBytes sharedSecret, byte[] clientNonce, byte[] serverNonce) {
        Hkdf kdf = suite.kdf();
        SecretBytes prk = kdf.extract(concat(clientNonce, serverNonce), sharedSecret);
        try {
            return kdf.expand(prk, RESUMPTION_LABEL.getBytes(StandardCharsets.US_ASCII), KEY_LENGTH);
        } finally {
            prk.destroy();
        }
    }

    private static SessionKeys derive(CryptoSuite suite, SecretBytes ikm, byte[] a, byte[] b, String[] labels) {
        Hkdf kdf = suite.kdf();
        SecretBytes prk = kdf.extract(concat(a, b), ikm);
        try {
            SecretBytes[] k = new SecretBytes[labels.length];
            for (int i = 0; i < labels.length; i++) {
                k[i] = kdf.expand(prk, labels[i].getBytes(StandardCharsets.US_ASCII), KEY_LENGTH);
            }
            return new SessionKeys(k[0], k[1], k[2], k[3], k[4]);
        } finally {
            prk.destroy();
        }
    }

    private static String[] labels(String prefix) {
        return new String[] {prefix + "enc-c2s", prefix + "enc-s2c", prefix + "mac-c2s", prefix + "mac-s2c", prefix + "env-mac"};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
