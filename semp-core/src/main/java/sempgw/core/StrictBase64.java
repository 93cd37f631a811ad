package sempgw.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Standard base64 with padding (VECTORS.md §1), decoded strictly: a value is accepted only in
 * its one canonical spelling. {@link Base64.Decoder} ignores the unused low bits of the last
 * character, so without this check a signature, MAC or key could be re-spelled on the wire and
 * still verify; for signed bytes there is exactly one acceptable text (RFC 4648 §3.5).
 */
public final class StrictBase64 {
    private StrictBase64() {
    }

    /** The decoded bytes; {@link IllegalArgumentException} for anything but canonical padded base64. */
    public static byte[] decode(String text) {
        byte[] raw = Base64.getDecoder().decode(text);
        if (!Arrays.equals(Base64.getEncoder().encode(raw), text.getBytes(StandardCharsets.ISO_8859_1))) {
            throw new IllegalArgumentException("base64 is not in canonical form");
        }
        return raw;
    }
}
