package sempgw.smtp.ingress.policy;

import java.util.Optional;
import sempgw.smtp.ingress.protocol.Mailbox;
import sempgw.smtp.ingress.protocol.Replies;

/**
 * Which reverse-paths an authenticated client may use, as Postfix's
 * {@code reject_sender_login_mismatch} with {@code smtpd_sender_login_maps}. The bridge signs
 * outbound SEMP mail with the key of the mailbox the reverse-path names, so without this rule
 * every AUTH user could have mail signed as any mailbox. Steps, in order:
 * <ol>
 * <li>a session without AUTH is not restricted here: the relay networks are the organisation's
 *     MTAs and {@link RelayPolicy} governs them;</li>
 * <li>the null reverse-path {@code <>} is accepted (RFC 5321 §4.5.5 notifications; Postfix
 *     does not restrict it either);</li>
 * <li>a login that is itself an address owns that address;</li>
 * <li>and whatever {@link SenderLogins} lists for it;</li>
 * <li>anything else -> {@code 553 5.7.1} (RFC 5321 §3.3, §4.2.2; RFC 3463 X.7.1).</li>
 * </ol>
 * Authenticating asserts an identity, so the rule holds for a client in a relay network that
 * authenticated too. Addresses compare by {@link SenderLogins#ownerKey}.
 */
public final class SenderLoginPolicy {
    private final SenderLogins logins;

    public SenderLoginPolicy(SenderLogins logins) {
        this.logins = logins;
    }

    /**
     * @param login the AUTH identity; empty when the session did not authenticate
     * @param reversePath the MAIL FROM address, already checked for syntax; empty for {@code <>}
     */
    public SenderDecision decide(Optional<String> login, String reversePath) {
        if (login.isEmpty()) {
            return new SenderDecision.Accept("unauthenticated");
        }
        if (reversePath.isEmpty()) {
            return new SenderDecision.Accept("null-sender");
        }
        String user = login.get();
        Optional<Mailbox> sender = Mailbox.parse(reversePath);
        if (sender.isPresent()) {
            String key = SenderLogins.ownerKey(sender.get());
            if (Mailbox.parse(user).map(SenderLogins::ownerKey).filter(key::equals).isPresent()) {
                return new SenderDecision.Accept("login");
            }
            if (logins.grants(user, sender.get())) {
                return new SenderDecision.Accept("sender-logins");
            }
        }
        return new SenderDecision.Refuse(Replies.senderNotOwned(reversePath, user));
    }
}
