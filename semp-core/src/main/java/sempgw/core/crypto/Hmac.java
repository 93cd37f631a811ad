package sempgw.core.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * HMAC (RFC 2104) over a JDK message digest, written here so that no copy of the key outlives the
 * call: the JCA's {@code Mac} keeps the key in a {@code SecretKeySpec} and the key XOR its pads in
 * its own state, none of which can be erased, whereas session keys "MUST be erased from memory
 * using secure zeroing" (SESSION.md §2.4, §5.1). The padded keys are zeroed and the digest reset
 * (which clears its state and buffer) before returning. No branch depends on the key.
 */
final class Hmac {
    private static final int SHA256_BLOCK = 64;
    private static final int SHA512_BLOCK = 128;

    private Hmac() {
    }

    /** HMAC-SHA-256 of {@code data[off, off + len)} under {@code key}. */
    static byte[] sha256(byte[] key, byte[] data, int off, int len) {
        return compute(Jca.sha256(), SHA256_BLOCK, key, d -> d.update(data, off, len));
    }

    /** HMAC-SHA-512 under {@code key} of what {@code message} feeds the digest. */
    static byte[] sha512(byte[] key, Consumer<MessageDigest> message) {
        return compute(Jca.sha512(), SHA512_BLOCK, key, message);
    }

    private static byte[] compute(MessageDigest d, int block, byte[] key, Consumer<MessageDigest> message) {
        byte[] k = key.length > block ? d.digest(key) : key;
        byte[] pad = new byte[block];
        byte[] inner = null;
        try {
            padded(pad, k, 0x36);
            d.update(pad);
            message.accept(d);
            inner = d.digest();
            padded(pad, k, 0x5c);
            d.update(pad);
            d.update(inner);
            return d.digest();
        } finally {
            Arrays.fill(pad, (byte) 0);
            if (inner != null) {
                Arrays.fill(inner, (byte) 0);
            }
            if (k != key) {
                Arrays.fill(k, (byte) 0);
            }
            d.reset();
        }
    }

    /** {@code pad} = the key, zero-filled to the block, XOR {@code constant} in every byte. */
    private static void padded(byte[] pad, byte[] key, int constant) {
        Arrays.fill(pad, (byte) constant);
        for (int i = 0; i < key.length; i++) {
            pad[i] ^= key[i];
        }
    }
}
