package sempgw.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises and checks the keys of policy rules and the names they are looked up with. Domains
 * compare case-insensitively (RFC 5321 §2.4) and in A-label form; a single trailing root dot is
 * dropped. Whole addresses are folded to lower case too, as table lookups in Postfix do: a
 * policy that distinguished {@code Alice@} from {@code alice@} would be a trap, not a feature.
 */
final class RuleKeys {

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
    /** RFC 5321 §4.5.3.1.2: a domain name is at most 255 octets; 253 characters in text form. */
    private static final int MAX_DOMAIN = 253;
    /** RFC 5321 §4.5.3.1.3: a path, and therefore an address, is at most 256 octets with brackets. */
    private static final int MAX_ADDRESS = 254;

    private RuleKeys() {
    }

    /** A domain as looked up: lower case, without one trailing root dot. */
    static String domain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** An address as looked up: lower case, with its domain normalised. Empty stays empty. */
    static String address(String address) {
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at + 1).toLowerCase(Locale.ROOT);
        return at < 0 ? domain(address) : local + domain(address.substring(at + 1));
    }

    /** The domain of an address (after its last {@code @}), or empty when it has none. */
    static String domainOf(String normalisedAddress) {
        int at = normalisedAddress.lastIndexOf('@');
        return at < 0 ? "" : normalisedAddress.substring(at + 1);
    }

    /** A sender rule key: a full address {@code user@example.org} or a bare domain {@code example.org}. */
    static String senderKey(String key) {
        String k = address(key);
        int at = k.lastIndexOf('@');
        if (at < 0) {
            return checkedDomain(k, key);
        }
        String local = k.substring(0, at);
        if (local.isEmpty() || k.length() > MAX_ADDRESS || !printableWithoutBlanks(local)) {
            throw new IllegalArgumentException("sender rule key is not an address or a domain: \"" + key + "\"");
        }
        checkedDomain(k.substring(at + 1), key);
        return k;
    }

    /** A recipient rule key: a domain {@code example.org}, or {@code .example.org} for its subdomains. */
    static String recipientKey(String key) {
        String k = domain(key);
        if (k.startsWith(".")) {
            return "." + checkedDomain(k.substring(1), key);
        }
        return checkedDomain(k, key);
    }

    private static String checkedDomain(String domain, String key) {
        if (domain.length() > MAX_DOMAIN || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("rule key has no valid domain (A-labels, RFC 5321 §4.1.2): \"" + key + "\"");
        }
        return domain;
    }

    private static boolean printableWithoutBlanks(String s) {
        return s.codePoints().allMatch(c -> c > 0x20 && c != 0x7f && !Character.isISOControl(c) && !Character.isWhitespace(c));
    }
}
