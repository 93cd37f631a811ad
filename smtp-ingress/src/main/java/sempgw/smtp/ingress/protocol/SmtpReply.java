package sempgw.smtp.ingress.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One SMTP reply: a three-digit code (RFC 5321 §4.2), an enhanced status code (RFC 3463, sent
 * because we advertise ENHANCEDSTATUSCODES, RFC 2034) and a text for the client. The text
 * is generic; the operator's reason goes to the log.
 *
 * @param enhanced {@code class.subject.detail}, empty for intermediate replies (3xx)
 */
public record SmtpReply(int code, String enhanced, String text) {
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("not a reply code: " + code);
        }
        Objects.requireNonNull(enhanced, "enhanced");
        Objects.requireNonNull(text, "text");
        if (!enhanced.isEmpty() && (!ENHANCED.matcher(enhanced).matches() || enhanced.charAt(0) - '0' != code / 100)) {
            throw new IllegalArgumentException("enhanced code " + enhanced + " does not fit " + code);
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reply text must be one line");
        }
    }

    /** A final reply. */
    public static SmtpReply of(int code, String enhanced, String text) {
        return new SmtpReply(code, enhanced, text);
    }

    /** An intermediate reply (354, 334), which carries no enhanced code. */
    public static SmtpReply intermediate(int code, String text) {
        return new SmtpReply(code, "", text);
    }

    /** The reply line without CRLF, as SubEthaSMTP's {@code Session.sendResponse} expects it. */
    public String line() {
        return enhanced.isEmpty() ? code + " " + text : code + " " + enhanced + " " + text;
    }

    @Override
    public String toString() {
        return line();
    }
}
