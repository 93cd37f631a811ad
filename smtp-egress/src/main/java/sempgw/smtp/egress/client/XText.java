package sempgw.smtp.egress.client;

import java.nio.charset.StandardCharsets;

/**
 * The encodings of DSN parameter values: xtext (RFC 3461 §4) for ENVID and ORCPT, and the
 * two RFC 6533 §3 forms of a {@code utf-8} address type: utf-8-addr-xtext (pure ASCII, for
 * sessions without SMTPUTF8) and utf-8-addr-unitext (UTF-8 allowed, for SMTPUTF8 sessions).
 */
public final class XText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private XText() {
    }

    /**
     * xtext (RFC 3461 §4): every octet outside {@code "!"..."~"}, and {@code "+"} and {@code "="},
     * becomes {@code "+" HEXCHAR HEXCHAR}. Non-ASCII text is encoded octet by octet of its UTF-8.
     */
    public static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= '!' && c <= '~' && c != '+' && c != '=') {
                sb.append((char) c);
            } else {
                sb.append('+').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** utf-8-addr-xtext (RFC 6533 §3): QCHAR as is, everything else as {@code \x{HEXPOINT}}. */
    public static String utf8AddrXtext(String address) {
        return embedUnicode(address, false);
    }

    /** utf-8-addr-unitext (RFC 6533 §3): like the xtext form, but non-ASCII characters stay as UTF-8. */
    public static String utf8AddrUnitext(String address) {
        return embedUnicode(address, true);
    }

    private static String embedUnicode(String address, boolean keepNonAscii) {
        StringBuilder sb = new StringBuilder(address.length() + 8);
        address.codePoints().forEach(cp -> {
            boolean qchar = cp >= 0x21 && cp <= 0x7e && cp != '+' && cp != '=' && cp != '\\';
            if (qchar || (keepNonAscii && cp > 0x7f)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append("\\x{").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append('}');
            }
        });
        return sb.toString();
    }

    /** True when the text is all ASCII. */
    public static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
