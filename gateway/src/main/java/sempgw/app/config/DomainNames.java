package sempgw.app.config;

import java.util.regex.Pattern;

/** Host and domain name syntax: LDH labels of 1-63 characters, 253 at most in all (RFC 1035 §2.3.1, RFC 1123 §2.1). */
final class DomainNames {
    static final String ALLOWED = "a domain name such as mail.example.org (letters, digits, hyphens; labels separated by dots)";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private DomainNames() {
    }

    static boolean isValid(String name) {
        if (name.isEmpty() || name.length() > 253 || name.endsWith(".")) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The name lower-cased, or an exception whose message says what is allowed. */
    static String require(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(ALLOWED);
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
