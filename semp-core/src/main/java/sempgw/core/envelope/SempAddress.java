package sempgw.core.envelope;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * A canonical SEMP address {@code local-part "@" domain} (ENVELOPE.md §2.3): the local part in
 * NFC, case preserved, without {@code @}, NUL, control or unassigned code points, at most 64
 * octets (§2.3.1); the domain a lower-case ASCII (A-label) name without a trailing dot (§2.3.2);
 * the whole at most 254 octets (§2.3.3). Two addresses are equivalent exactly when their
 * canonical strings are equal (§2.3.4).
 *
 * <p>{@link #parse} is for the wire and rejects anything not already canonical. {@link
 * #canonicalize} is for non-SEMP sources such as SMTP, which may supply U-labels, mixed case or
 * a decomposed local part (§2.3.2 "Non-protocol layers"). IDN conversion uses {@link IDN}, which
 * implements IDNA2003 rather than the IDNA2008 of §2.3.2; the two differ for a few characters
 * (e.g. {@code ß}), see docs/interop.md.
 *
 * @param localPart the NFC local part
 * @param domain the lower-case A-label domain
 */
public record SempAddress(String localPart, String domain) {
    private static final int MAX_LOCAL_OCTETS = 64;
    private static final int MAX_ADDRESS_OCTETS = 254;
    private static final int MAX_DOMAIN_OCTETS = 253;

    /** @throws IllegalArgumentException when the parts are not canonical; use {@link #parse} for input */
    public SempAddress {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        try {
            check(localPart, domain);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * A wire address that must already be canonical (ENVELOPE.md §2.3: "A non-canonical address
     * MUST be rejected as malformed at the point of ingress").
     */
    public static SempAddress parse(String address) throws InvalidAddressException {
        int at = split(address);
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        check(local, domain);
        return new SempAddress(local, domain);
    }

    /** An address from a non-SEMP source, brought to canonical form (NFC, A-label, lower case). */
    public static SempAddress canonicalize(String address) throws InvalidAddressException {
        int at = split(address);
        String local = Normalizer.normalize(address.substring(0, at), Normalizer.Form.NFC);
        String domain = canonicalDomain(address.substring(at + 1));
        check(local, domain);
        return new SempAddress(local, domain);
    }

    /** A domain from a non-SEMP source in canonical form: trailing dot removed, A-labels, lower case. */
    public static String canonicalDomain(String domain) throws InvalidAddressException {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        try {
            d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidAddressException("domain is not a valid IDN (ENVELOPE.md §2.3.2)");
        }
        checkDomain(d);
        return d;
    }

    /** True when {@code domain} is a canonical SEMP domain (ENVELOPE.md §2.3.2). */
    public static boolean isCanonicalDomain(String domain) {
        try {
            checkDomain(domain);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }

    /** True when {@code address} is a canonical SEMP address. */
    public static boolean isCanonical(String address) {
        try {
            parse(address);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }

    /** The wire form {@code local@domain}. */
    @Override
    public String toString() {
        return localPart + "@" + domain;
    }

    private static int split(String address) throws InvalidAddressException {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new InvalidAddressException("address must be local-part@domain (ENVELOPE.md §2.3)");
        }
        return at;
    }

    private static void checkLocalPart(String local) throws InvalidAddressException {
        if (local.isEmpty() || local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_OCTETS) {
            throw new InvalidAddressException("local part exceeds 64 octets (ENVELOPE.md §2.3.1)");
        }
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            int type = Character.getType(cp);
            if (cp == '@' || type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                throw new InvalidAddressException("local part contains @, a control, unassigned or surrogate code point (ENVELOPE.md §2.3.1)");
            }
            i += Character.charCount(cp);
        }
    }

    private static void checkDomain(String domain) throws InvalidAddressException {
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN_OCTETS) {
            throw new InvalidAddressException("domain is empty or longer than 253 octets (ENVELOPE.md §2.3.2)");
        }
        for (String label : domain.split("\\.", -1)) {
            checkLabel(label);
        }
    }

    private static void checkLabel(String label) throws InvalidAddressException {
        if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
            throw new InvalidAddressException("domain label is empty, too long or hyphen-bounded (ENVELOPE.md §2.3.2)");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                throw new InvalidAddressException("domain is not lower-case ASCII letters, digits and hyphens (ENVELOPE.md §2.3.2)");
            }
        }
        if (label.startsWith("xn--")) {
            String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
            String back;
            try {
                back = IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new InvalidAddressException("domain has an invalid A-label (ENVELOPE.md §2.3.2)");
            }
            if (unicode.equals(label) || !back.equals(label)) {
                throw new InvalidAddressException("domain has an invalid A-label (ENVELOPE.md §2.3.2)");
            }
        }
    }

    private static void check(String local, String domain) throws InvalidAddressException {
        checkLocalPart(local);
        if (!Normalizer.isNormalized(local, Normalizer.Form.NFC)) {
            throw new InvalidAddressException("local part is not in NFC (ENVELOPE.md §2.3.1)");
        }
        checkDomain(domain);
        if (local.getBytes(StandardCharsets.UTF_8).length + 1 + domain.length() > MAX_ADDRESS_OCTETS) {
            throw new InvalidAddressException("address exceeds 254 octets (ENVELOPE.md §2.3.3)");
        }
    }
}
