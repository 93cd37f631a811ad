package sempgw.core.envelope.enclosure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import sempgw.core.StrictBase64;

/**
 * Attachment integrity after decryption (ENVELOPE.md §7.2 step 12, §6.3): the content must decode,
 * have the declared size and match {@code hash}, which is {@code sha256:<hex>} or, as semp-go also
 * accepts, {@code sha512:<hex>}. Any other algorithm fails closed.
 */
public final class AttachmentCheck {
    private AttachmentCheck() {
    }

    /** True when {@code a}'s content matches its size and hash. */
    public static boolean verify(Attachment a) {
        byte[] data;
        try {
            data = StrictBase64.decode(a.content());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (data.length != a.size()) {
            return false;
        }
        int colon = a.hash().indexOf(':');
        if (colon < 0) {
            return false;
        }
        String algorithm = switch (a.hash().substring(0, colon)) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(a.hash().substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            return MessageDigest.isEqual(MessageDigest.getInstance(algorithm).digest(data), expected);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
