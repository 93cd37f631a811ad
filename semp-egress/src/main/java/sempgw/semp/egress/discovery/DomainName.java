package sempgw.semp.egress.discovery;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * A domain in the one form discovery works with: lower-case A-labels, no trailing dot, at most
 * 253 octets (ENVELOPE.md §2.3.2). Parsing is the only way in, so every DNS name and URL built
 * from it is well formed.
 */
record DomainName(String ascii) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ONION_V3 = Pattern.compile("[a-z2-7]{56}");
    private static final String ONION = ".onion";

    /** The canonical form of {@code input}, or empty when it is not a usable domain name. */
    static Optional<DomainName> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(s, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.isEmpty() || ascii.length() > 253 || ascii.indexOf('.') < 0) {
            return Optional.empty();
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new DomainName(ascii));
    }

    /** True for any name under the {@code .onion} pseudo-TLD (DISCOVERY.md §2.5). */
    boolean isOnion() {
        return ascii.endsWith(ONION);
    }

    /**
     * True when this is {@code <56 base32 chars>.onion}, a version-3 onion service; version-2
     * names (16 characters) MUST NOT be used (DISCOVERY.md §2.5.1).
     */
    boolean isOnionV3() {
        return isOnion() && ONION_V3.matcher(ascii.substring(0, ascii.length() - ONION.length())).matches();
    }

    /** The absolute DNS name {@code prefix + this}, e.g. {@code _semp._tcp.example.com.}. */
    Name dnsName(String prefix) {
        try {
            return Name.fromString(prefix + ascii + ".");
        } catch (TextParseException e) {
            throw new IllegalStateException("a parsed domain always forms a DNS name", e);
        }
    }

    @Override
    public String toString() {
        return ascii;
    }
}
