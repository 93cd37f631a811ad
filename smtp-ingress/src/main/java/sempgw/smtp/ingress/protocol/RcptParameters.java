package sempgw.smtp.ingress.protocol;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Recipient.Notify;

/**
 * Parses the argument of RCPT into a {@link Recipient}. Steps, in order:
 * <ol>
 * <li>syntax of {@code TO:<path> params} (RFC 5321 §4.1.1.3) -> 501 5.5.4;</li>
 * <li>NOTIFY (RFC 3461 §4.1: NEVER, or a list of SUCCESS, FAILURE, DELAY; NEVER stands alone)
 *     and ORCPT (RFC 3461 §4.2: {@code addr-type ";" xtext}); a bad value -> 501 5.5.4, any
 *     other keyword -> 555 5.5.4;</li>
 * <li>{@code <Postmaster>} without a domain means the postmaster of the given domain
 *     (RFC 5321 §4.5.1);</li>
 * <li>a non-ASCII forward-path outside an SMTPUTF8 transaction -> 553 5.6.7 (RFC 6531 §3.5);</li>
 * <li>mailbox syntax (RFC 5321 §4.1.2) -> 501 5.1.3.</li>
 * </ol>
 */
public final class RcptParameters {
    private static final String USAGE = "RCPT TO:<address>";
    private static final Pattern ADDR_TYPE = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~.]+");
    private static final int MAX_ORCPT = 500;

    private RcptParameters() {
    }

    /**
     * @param smtpUtf8 the transaction was started with SMTPUTF8
     * @param postmasterDomain where a bare {@code <Postmaster>} goes, if anywhere
     */
    public static RcptRequest parse(String argument, boolean smtpUtf8, Optional<String> postmasterDomain) {
        try {
            EnvelopeArgument arg = EnvelopeArgument.parse(argument, "TO:", USAGE);
            Map<String, Optional<String>> p = arg.parameters();
            for (String keyword : p.keySet()) {
                if (!keyword.equals("NOTIFY") && !keyword.equals("ORCPT")) {
                    return new RcptRequest.Refused(Replies.unsupportedParameter(keyword));
                }
            }
            Set<Notify> notify = MailParameters.valueOf(p, "NOTIFY").map(RcptParameters::notify).orElse(Set.of());
            Optional<String> orcpt = MailParameters.valueOf(p, "ORCPT").map(v -> orcpt(v, smtpUtf8));
            String path = arg.path();
            if (path.equalsIgnoreCase("postmaster") && postmasterDomain.isPresent()) {
                path = "postmaster@" + postmasterDomain.get();
            }
            if (!smtpUtf8 && !Mailbox.isAscii(path)) {
                return new RcptRequest.Refused(Replies.nonAsciiAddress());
            }
            Optional<Mailbox> mailbox = Mailbox.parse(path);
            if (mailbox.isEmpty()) {
                return new RcptRequest.Refused(Replies.badRecipientSyntax());
            }
            return new RcptRequest.Accepted(new Recipient(path, notify, orcpt), mailbox.get());
        } catch (Refusal r) {
            return new RcptRequest.Refused(r.reply());
        }
    }

    private static Set<Notify> notify(String value) {
        Set<Notify> out = EnumSet.noneOf(Notify.class);
        for (String item : value.split(",", -1)) {
            switch (item.toUpperCase(Locale.ROOT)) {
                case "NEVER" -> out.add(Notify.NEVER);
                case "SUCCESS" -> out.add(Notify.SUCCESS);
                case "FAILURE" -> out.add(Notify.FAILURE);
                case "DELAY" -> out.add(Notify.DELAY);
                default -> throw new Refusal(Replies.badParameter("NOTIFY"));
            }
        }
        if (out.contains(Notify.NEVER) && out.size() > 1) {
            throw new Refusal(Replies.badParameter("NOTIFY"));
        }
        return out;
    }

    private static String orcpt(String value, boolean smtpUtf8) {
        int semi = value.indexOf(';');
        if (semi <= 0 || !ADDR_TYPE.matcher(value.substring(0, semi)).matches()) {
            throw new Refusal(Replies.badParameter("ORCPT"));
        }
        String decoded = Xtext.decode(value.substring(semi + 1), smtpUtf8)
                .filter(d -> !d.isEmpty() && d.length() <= MAX_ORCPT)
                .orElseThrow(() -> new Refusal(Replies.badParameter("ORCPT")));
        return value.substring(0, semi) + ";" + decoded;
    }
}
