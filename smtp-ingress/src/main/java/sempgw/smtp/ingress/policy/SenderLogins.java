package sempgw.smtp.ingress.policy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sempgw.smtp.ingress.protocol.Mailbox;

/**
 * The sender addresses each AUTH login owns beyond its own (Postfix's
 * {@code smtpd_sender_login_maps}), read by {@link SenderLoginsFile}. A login owns exact
 * addresses and, through {@code @domain}, every address at a domain. Logins are compared
 * exactly, as the AUTH users file compares them; addresses by {@link #ownerKey}. Immutable.
 */
public final class SenderLogins {
    /** No table: each login owns only itself, when it is an address. */
    public static final SenderLogins NONE = new SenderLogins(Map.of());

    private final Map<String, Set<String>> owned;

    /** @param owned per login, owner keys ({@link #ownerKey}) and {@code @domain} keys with the domain folded */
    SenderLogins(Map<String, Set<String>> owned) {
        this.owned = Map.copyOf(owned);
    }

    /** True if the table gives {@code sender} to {@code login}, as an address or through its domain. */
    public boolean grants(String login, Mailbox sender) {
        Set<String> keys = owned.getOrDefault(login, Set.of());
        return keys.contains(ownerKey(sender)) || keys.contains("@" + sender.domainKey());
    }

    /** Number of logins listed. */
    public int size() {
        return owned.size();
    }

    /**
     * The form in which ownership compares addresses: local part in lower case and NFC, domain
     * folded ({@link Mailbox#domainKey()}). The recipient tables ignore case the same way, and so
     * does the mailbox store the bridge signs with, so two spellings this treats as one address
     * are always one mailbox there too.
     */
    public static String ownerKey(Mailbox mailbox) {
        String local = Normalizer.normalize(mailbox.localPart().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return local + "@" + mailbox.domainKey();
    }
}
