package sempgw.core.json;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes, which is Unicode code-point order (go {@code sort.Strings},
 * SPEC-DIGEST-WIRE §2.2 step 2). Java's {@link String#compareTo} compares UTF-16 units and puts
 * U+E000..U+FFFF after supplementary characters; this comparator corrects that without
 * allocating.
 */
final class Utf8Order {
    static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return fix(x) - fix(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above U+FFFF's units so that UTF-16 order becomes code-point order. */
    private static int fix(char c) {
        if (c >= 0xD800) {
            return c >= 0xE000 ? c - 0x800 : c + 0x2000;
        }
        return c;
    }
}
