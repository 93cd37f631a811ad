package sempgw.core.envelope;

import java.util.Base64;
import sempgw.core.crypto.RandomSource;

/**
 * Size-padding filler (ENVELOPE.md §2.4.2): characters of the base64 alphabet drawn from the
 * CSPRNG. Whole groups of four come from base64-encoding fresh bytes; the last 1 to 3 characters
 * each come from one more random byte (its low six bits pick the character, which is unbiased
 * because 256 is a multiple of 64). Every character is one byte on the wire and needs no JSON
 * escaping, so {@code n} characters add exactly {@code n} bytes.
 */
public final class Padding {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Padding() {
    }

    /** {@code length} fresh filler characters. */
    public static String generate(int length, RandomSource random) {
        if (length < 0) {
            throw new IllegalArgumentException("negative padding length");
        }
        int groups = length / 4;
        StringBuilder sb = new StringBuilder(length);
        if (groups > 0) {
            sb.append(Base64.getEncoder().encodeToString(random.bytes(groups * 3)));
        }
        int rest = length % 4;
        if (rest > 0) {
            for (byte b : random.bytes(rest)) {
                sb.append((char) ALPHABET[b & 63]);
            }
        }
        return sb.toString();
    }

    /** True when {@code padding} consists of base64-alphabet characters only (§2.4.2). */
    public static boolean isFiller(String padding) {
        for (int i = 0; i < padding.length(); i++) {
            char c = padding.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code current} brought to {@code length}: cut when longer, extended with fresh characters
     * when shorter (ENVELOPE.md §2.4.3: padding is outside the seal and may change).
     */
    public static String resize(String current, int length, RandomSource random) {
        if (length <= current.length()) {
            return current.substring(0, length);
        }
        return current + generate(length - current.length(), random);
    }
}
