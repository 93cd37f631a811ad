package sempgw.smtp.ingress.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Sender.BodyType;
import sempgw.store.queue.Sender.DsnRet;

/**
 * Parses the argument of MAIL into a {@link Sender}. Steps, in order:
 * <ol>
 * <li>syntax of {@code FROM:<path> params} (RFC 5321 §4.1.1.2) -> 501 5.5.4;</li>
 * <li>each parameter: SIZE (RFC 1870 §4, above the limit -> 552 5.3.4), BODY (RFC 6152 §2),
 *     SMTPUTF8 (RFC 6531 §3.4), RET and ENVID (RFC 3461 §4.3, §4.4), AUTH (RFC 4954 §5,
 *     checked and ignored); a bad value -> 501 5.5.4, any other keyword -> 555 5.5.4
 *     (RFC 5321 §4.1.1.11);</li>
 * <li>a non-ASCII reverse-path without SMTPUTF8 -> 553 5.6.7 (RFC 6531 §3.5);</li>
 * <li>mailbox syntax (RFC 5321 §4.1.2) -> 501 5.1.7. {@code <>} is the null sender.</li>
 * </ol>
 */
public final class MailParameters {
    private static final String USAGE = "MAIL FROM:<address>";
    private static final int MAX_ENVID = 100;
    private static final int MAX_SIZE_DIGITS = 18;

    private MailParameters() {
    }

    public static MailRequest parse(String argument, long maxMessageSize) {
        try {
            EnvelopeArgument arg = EnvelopeArgument.parse(argument, "FROM:", USAGE);
            Map<String, Optional<String>> p = arg.parameters();
            for (String keyword : p.keySet()) {
                if (!keyword.equals("SIZE") && !keyword.equals("BODY") && !keyword.equals("SMTPUTF8")
                        && !keyword.equals("RET") && !keyword.equals("ENVID") && !keyword.equals("AUTH")) {
                    return new MailRequest.Refused(Replies.unsupportedParameter(keyword));
                }
            }
            long size = valueOf(p, "SIZE").map(MailParameters::size).orElse(0L);
            if (size > maxMessageSize) {
                return new MailRequest.Refused(Replies.MESSAGE_TOO_BIG);
            }
            boolean utf8 = flag(p, "SMTPUTF8");
            BodyType body = valueOf(p, "BODY").map(MailParameters::body).orElse(BodyType.SEVEN_BIT);
            Optional<DsnRet> ret = valueOf(p, "RET").map(MailParameters::ret);
            Optional<String> envId = valueOf(p, "ENVID").map(MailParameters::envId);
            valueOf(p, "AUTH").ifPresent(MailParameters::auth);
            String path = arg.path();
            if (!path.isEmpty()) {
                if (!utf8 && !Mailbox.isAscii(path)) {
                    return new MailRequest.Refused(Replies.nonAsciiAddress());
                }
                if (Mailbox.parse(path).isEmpty()) {
                    return new MailRequest.Refused(Replies.badSenderSyntax());
                }
            }
            return new MailRequest.Accepted(new Sender(path, ret, envId, body, utf8), size);
        } catch (Refusal r) {
            return new MailRequest.Refused(r.reply());
        }
    }

    /** The value of a keyword that must have one; empty when the keyword is absent. */
    static Optional<String> valueOf(Map<String, Optional<String>> p, String keyword) {
        Optional<String> v = p.get(keyword);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(v.orElseThrow(() -> new Refusal(Replies.badParameter(keyword))));
    }

    private static boolean flag(Map<String, Optional<String>> p, String keyword) {
        Optional<String> v = p.get(keyword);
        if (v != null && v.isPresent()) {
            throw new Refusal(Replies.badParameter(keyword));
        }
        return v != null;
    }

    private static long size(String v) {
        if (!v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(Replies.badParameter("SIZE"));
        }
        return v.length() > MAX_SIZE_DIGITS ? Long.MAX_VALUE : Long.parseLong(v);
    }

    private static BodyType body(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "7BIT" -> BodyType.SEVEN_BIT;
            case "8BITMIME" -> BodyType.EIGHT_BIT_MIME;
            case "BINARYMIME" -> throw new Refusal(Replies.unsupportedParameter("BODY=BINARYMIME"));
            default -> throw new Refusal(Replies.badParameter("BODY"));
        };
    }

    private static DsnRet ret(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "FULL" -> DsnRet.FULL;
            case "HDRS" -> DsnRet.HDRS;
            default -> throw new Refusal(Replies.badParameter("RET"));
        };
    }

    private static String envId(String value) {
        if (value.length() > MAX_ENVID) {
            throw new Refusal(Replies.badParameter("ENVID"));
        }
        return Xtext.decode(value, false).orElseThrow(() -> new Refusal(Replies.badParameter("ENVID")));
    }

    /** RFC 4954 §5: {@code AUTH=<>} or an xtext mailbox. We never trust it, so it is only checked. */
    private static void auth(String value) {
        if (!value.equals("<>") && Xtext.decode(value, true).isEmpty()) {
            throw new Refusal(Replies.badParameter("AUTH"));
        }
    }
}
