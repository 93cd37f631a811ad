package sempgw.smtp.ingress.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A mailbox {@code local-part@domain} (RFC 5321 §4.1.2), checked for syntax and the length
 * limits of RFC 5321 §4.5.3.1.1-2. With SMTPUTF8 the local part and the domain may hold UTF-8
 * (RFC 6531 §3.3).
 */
public record Mailbox(String localPart, String domain) {
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 255;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    public String address() {
        return localPart + "@" + domain;
    }

    /** The domain as routing and policy compare it: lower case, no trailing dot. */
    public String domainKey() {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        return d.toLowerCase(Locale.ROOT);
    }

    /** The address as policy and duplicate removal see it: local part as given, domain folded. */
    public String normalized() {
        return localPart + "@" + domainKey();
    }

    public static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** Parses an address without angle brackets; empty when it is not a valid mailbox. */
    public static Optional<Mailbox> parse(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (octets(local) > MAX_LOCAL_PART || octets(domain) > MAX_DOMAIN) {
            return Optional.empty();
        }
        boolean localOk = local.startsWith("\"") ? isQuotedString(local) : isDotString(local);
        boolean domainOk = domain.startsWith("[") ? isAddressLiteral(domain) : isDomain(domain);
        return localOk && domainOk ? Optional.of(new Mailbox(local, domain)) : Optional.empty();
    }

    private static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isDotString(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        return s.chars().allMatch(c -> c == '.' || isAtext(c));
    }

    private static boolean isAtext(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || ATEXT_SPECIALS.indexOf(c) >= 0 || c >= 0x80;
    }

    private static boolean isQuotedString(String s) {
        if (s.length() < 2 || !s.endsWith("\"")) {
            return false;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                if (i >= s.length() - 1 || s.charAt(i) < 32 || s.charAt(i) > 126) {
                    return false;
                }
            } else if (c == '"' || c < 32 || c == 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomain(String domain) {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (d.isEmpty()) {
            return false;
        }
        for (String label : d.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            if (!label.chars().allMatch(c -> c == '-' || (c < 0x80 ? isLetDig(c) : Character.isLetterOrDigit(c)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetDig(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isAddressLiteral(String domain) {
        if (!domain.endsWith("]")) {
            return false;
        }
        String inner = domain.substring(1, domain.length() - 1);
        try {
            if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
                java.net.Inet6Address.ofLiteral(inner.substring(5));
                return true;
            }
            return inner.split("\\.", -1).length == 4
                    && inner.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')
                    && java.net.Inet4Address.ofLiteral(inner) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
