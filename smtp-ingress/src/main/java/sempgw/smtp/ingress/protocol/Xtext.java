package sempgw.smtp.ingress.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The xtext encoding of DSN parameters (RFC 3461 §4): printable US-ASCII except {@code +} and
 * {@code =} stands for itself, anything else is {@code +} and two upper-case hex digits.
 */
public final class Xtext {
    private Xtext() {
    }

    /**
     * Decodes xtext; empty if malformed.
     *
     * @param allowUtf8 accept raw UTF-8 characters too (RFC 6533 §3 utf-8-addr-unitext, under SMTPUTF8)
     */
    public static Optional<String> decode(String xtext, boolean allowUtf8) {
        ByteBuffer out = ByteBuffer.allocate(xtext.length() * 4);
        int i = 0;
        while (i < xtext.length()) {
            int c = xtext.codePointAt(i);
            if (c == '+') {
                if (i + 2 >= xtext.length()) {
                    return Optional.empty();
                }
                int hi = hex(xtext.charAt(i + 1));
                int lo = hex(xtext.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.put((byte) (hi << 4 | lo));
                i += 3;
                continue;
            }
            if (c > ' ' && c < 127 && c != '=') {
                out.put((byte) c);
            } else if (allowUtf8 && c >= 0x80) {
                out.put(Character.toString(c).getBytes(StandardCharsets.UTF_8));
            } else {
                return Optional.empty();
            }
            i += Character.charCount(c);
        }
        out.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(out).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
