package sempgw.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The proof-of-work challenge hash (HANDSHAKE.md §2.2a.2, §2.2b.2; VECTORS.md §4): SHA-256 over
 * the UTF-8 string {@code base64(prefix) ":" challenge_id ":" base64(nonce)} must start with
 * {@code difficulty} zero bits. The hash is fixed, outside any suite (ENVELOPE.md §7.3.4).
 *
 * <pre>{@code
 * byte[] nonce = ProofOfWork.solve(prefix, challengeId, 20, 1L << 28).orElseThrow();
 * boolean ok = ProofOfWork.verify(prefix, challengeId, nonce, submittedHex, 20);
 * }</pre>
 */
public final class ProofOfWork {
    /** Highest difficulty an initiator accepts; above it the challenge is invalid (HANDSHAKE.md §2.2a.2). */
    public static final int MAX_DIFFICULTY = 28;

    private ProofOfWork() {
    }

    /** The challenge hash of one candidate nonce. */
    public static byte[] hash(byte[] prefix, String challengeId, byte[] nonce) {
        return digest(Jca.sha256(), preimageHead(prefix, challengeId), nonce);
    }

    /** The number of leading zero bits of {@code hash}. */
    public static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
        }
        return bits;
    }

    /**
     * Verification steps 2-5 of VECTORS.md §4.1: recompute the hash, require {@code difficulty}
     * leading zero bits, and require it to equal the submitted hex hash (case-insensitive, as
     * semp-go compares). Step 1 (an issued, unexpired, unused challenge) is the caller's.
     */
    public static boolean verify(byte[] prefix, String challengeId, byte[] nonce, String submittedHashHex, int difficulty) {
        byte[] h = hash(prefix, challengeId, nonce);
        if (leadingZeroBits(h) < difficulty) {
            return false;
        }
        byte[] submitted;
        try {
            submitted = HexFormat.of().parseHex(submittedHashHex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(h, submitted);
    }

    /**
     * Searches 8-byte big-endian counter nonces from 0, as semp-go does, for at most
     * {@code maxAttempts} candidates.
     *
     * @return the first nonce meeting {@code difficulty}, or empty when the budget ran out
     */
    public static Optional<byte[]> solve(byte[] prefix, String challengeId, int difficulty, long maxAttempts) {
        if (difficulty < 0 || difficulty > 256) {
            throw new IllegalArgumentException("difficulty out of range");
        }
        MessageDigest md = Jca.sha256();
        byte[] head = preimageHead(prefix, challengeId);
        byte[] nonce = new byte[8];
        for (long i = 0; i < maxAttempts; i++) {
            for (int k = 0; k < 8; k++) {
                nonce[k] = (byte) (i >>> (56 - 8 * k));
            }
            if (leadingZeroBits(digest(md, head, nonce)) >= difficulty) {
                return Optional.of(nonce.clone());
            }
        }
        return Optional.empty();
    }

    private static byte[] preimageHead(byte[] prefix, String challengeId) {
        return (Base64.getEncoder().encodeToString(prefix) + ":" + challengeId + ":").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] digest(MessageDigest md, byte[] head, byte[] nonce) {
        md.update(head);
        md.update(Base64.getEncoder().encode(nonce));
        return md.digest();
    }
}
