package sempgw.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One SMTP reply: the basic reply code (RFC 5321 §4.2), the enhanced status code (RFC 3463 §2,
 * announced by ENHANCEDSTATUSCODES, RFC 2034) and the text. Validated on construction, so a
 * status that exists can be written to the wire as it is: {@link #toString()} is the reply line
 * without CRLF, for example {@code 550 5.7.1 semp; blocked: sender blocked}.
 *
 * @param code the three-digit reply code: 2yz, 4yz or 5yz, second digit 0-5 (RFC 5321 §4.2.1)
 * @param enhanced {@code class.subject.detail} whose class equals the reply code's first digit
 *     (RFC 2034 §4); subject and detail are 1*3digit (RFC 3463 §2), written without leading zeros
 * @param text printable US-ASCII without CR or LF (RFC 5321 §4.2 textstring); may be empty
 */
public record SmtpStatus(int code, String enhanced, String text) {

    /** RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets including CRLF. */
    public static final int MAX_LINE = 510;
    private static final Pattern ENHANCED = Pattern.compile("([245])\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})");

    public SmtpStatus {
        Objects.requireNonNull(enhanced, "enhanced");
        Objects.requireNonNull(text, "text");
        int replyClass = code / 100;
        if (code < 200 || code > 599 || replyClass == 3 || (code / 10) % 10 > 5) {
            throw new IllegalArgumentException("reply code must be 2yz, 4yz or 5yz with y in 0-5 (RFC 5321 §4.2.1): " + code);
        }
        var m = ENHANCED.matcher(enhanced);
        if (!m.matches()) {
            throw new IllegalArgumentException("enhanced status must be class.subject.detail (RFC 3463 §2): \"" + enhanced + "\"");
        }
        if (m.group(1).charAt(0) - '0' != replyClass) {
            throw new IllegalArgumentException("enhanced status " + enhanced + " does not agree with reply code " + code + " (RFC 2034 §4)");
        }
        if (!ReplyText.isSafe(text)) {
            throw new IllegalArgumentException("reply text must be printable US-ASCII without CR or LF (RFC 5321 §4.2)");
        }
        if (toLine(code, enhanced, text).length() > MAX_LINE) {
            throw new IllegalArgumentException("reply line longer than " + MAX_LINE + " characters (RFC 5321 §4.5.3.1.5)");
        }
    }

    /** The class: 2 (success), 4 (persistent transient failure) or 5 (permanent failure), RFC 3463 §2. */
    public int replyClass() {
        return code / 100;
    }

    /** A 5yz reply: the client must not repeat the same request (RFC 5321 §4.2.1). */
    public boolean permanent() {
        return replyClass() == 5;
    }

    /** A 4yz reply: the client should try again later (RFC 5321 §4.2.1). */
    public boolean temporary() {
        return replyClass() == 4;
    }

    /** The same code and enhanced status with another text. */
    public SmtpStatus withText(String newText) {
        return new SmtpStatus(code, enhanced, newText);
    }

    /** The reply line without CRLF: {@code code SP enhanced [SP text]}. */
    @Override
    public String toString() {
        return toLine(code, enhanced, text);
    }

    private static String toLine(int code, String enhanced, String text) {
        return text.isEmpty() ? code + " " + enhanced : code + " " + enhanced + " " + text;
    }
}
