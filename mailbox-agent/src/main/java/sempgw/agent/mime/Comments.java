package sempgw.agent.mime;

/**
 * Comments in MIME structured fields (RFC 822 §3.4.3, allowed around the tokens of
 * {@code Content-Type}, {@code Content-Disposition} and {@code Content-Transfer-Encoding} by RFC
 * 2045 §5.1, §6.1 and RFC 2183 §2): {@code base64 (by the MUA)}, {@code charset=koi8-r (Cyrillic)}.
 * Only a comment that stands on its own is one: it opens at the start of the value or after
 * whitespace, {@code ;}, {@code /}, {@code =} or a quoted string, and its closing parenthesis is
 * followed by the end, whitespace or {@code ;}. A parenthesis inside a word, as in the unquoted
 * file name {@code name=Scan(1).pdf}, stays the character it is, as lenient mail readers keep it.
 */
final class Comments {
    private Comments() {
    }

    /** {@code value} with each comment outside quoted strings replaced by one space. */
    static String strip(String value) {
        if (value.indexOf('(') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                out.append(c);
                if (c == '\\' && i + 1 < value.length()) {
                    out.append(value.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            int end = c == '(' && opensAt(value, i) ? close(value, i) : -1;
            if (end > 0) {
                out.append(' ');
                i = end;
            } else {
                quoted = c == '"';
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean opensAt(String value, int i) {
        char before = i == 0 ? ' ' : value.charAt(i - 1);
        return Character.isWhitespace(before) || ";/=\"".indexOf(before) >= 0;
    }

    /** Index of the parenthesis closing the comment opened at {@code open}, or -1 when it is not a comment. */
    private static int close(String value, int open) {
        int depth = 0;
        for (int i = open; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                char after = i + 1 < value.length() ? value.charAt(i + 1) : ' ';
                return Character.isWhitespace(after) || after == ';' ? i : -1;
            }
        }
        return -1;
    }
}
