package sempgw.app.mailbox;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;

/**
 * The one form of a mailbox address: the canonical SEMP address (ENVELOPE.md §2.3: NFC local
 * part, lower-case A-label domain) with the local part also in lower case, so that the mailbox
 * matches however SMTP spells it, as the gateway's recipient tables do. The local part must be a
 * dot-atom of RFC 5322 §3.2.3 (UTF-8 allowed, RFC 6531 §3.3), so the address works unquoted on
 * both sides of the gateway.
 */
final class MailboxAddresses {
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private MailboxAddresses() {
    }

    /** The mailbox form of {@code text}, from the operator or from SMTP. */
    static SempAddress parse(String text) throws InvalidAddressException {
        SempAddress canonical = SempAddress.canonicalize(text.strip());
        String local = Normalizer.normalize(canonical.localPart().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        checkDotAtom(local);
        try {
            return new SempAddress(local, canonical.domain());
        } catch (IllegalArgumentException e) {
            throw new InvalidAddressException(e.getMessage());
        }
    }

    /** The mailbox form as a string, or empty when {@code text} is no address; for lookups. */
    static Optional<String> lookupKey(String text) {
        try {
            return Optional.of(parse(text).toString());
        } catch (InvalidAddressException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** RFC 5322 §3.2.3 dot-atom-text, with RFC 6531 §3.3's UTF8-non-ascii in atext. */
    private static void checkDotAtom(String local) throws InvalidAddressException {
        if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new InvalidAddressException("the local part must be a dot-atom: no leading, trailing or double dot (RFC 5322 §3.2.3)");
        }
        for (int i = 0; i < local.length(); i = local.offsetByCodePoints(i, 1)) {
            int c = local.codePointAt(i);
            boolean atext = c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || ATEXT_SPECIALS.indexOf(c) >= 0;
            if (!atext || Character.isWhitespace(c)) {
                throw new InvalidAddressException("the local part holds " + (Character.isWhitespace(c) ? "white space" : "'" + Character.toString(c) + "'")
                        + ", which needs quoting in SMTP (RFC 5322 §3.2.3)");
            }
        }
    }
}
