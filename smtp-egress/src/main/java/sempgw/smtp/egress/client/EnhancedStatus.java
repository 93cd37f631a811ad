package sempgw.smtp.egress.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 3463 enhanced mail system status code, {@code class.subject.detail} (RFC 3463 §2),
 * as servers send it at the start of each reply line (RFC 2034 §4) and as a DSN's
 * {@code Status} field carries it (RFC 3464 §2.3.4).
 */
public record EnhancedStatus(int statusClass, int subject, int detail) {

    private static final Pattern CODE = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern ANYWHERE = Pattern.compile("(?<![\\d.])" + CODE.pattern() + "(?![\\d.]*\\d)");

    public EnhancedStatus {
        if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
            throw new IllegalArgumentException("class must be 2, 4 or 5 (RFC 3463 §2): " + statusClass);
        }
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException("subject and detail are 1*3digit (RFC 3463 §2)");
        }
    }

    /** Parses exactly one code such as {@code 5.1.1}. */
    public static Optional<EnhancedStatus> parse(String token) {
        Matcher m = CODE.matcher(token);
        return m.matches() ? Optional.of(of(m)) : Optional.empty();
    }

    /** Parses a code at the start of a reply line's text, followed by a space or the end (RFC 2034 §4). */
    public static Optional<EnhancedStatus> atStart(String text) {
        Matcher m = CODE.matcher(text);
        if (m.lookingAt() && (m.end() == text.length() || text.charAt(m.end()) == ' ')) {
            return Optional.of(of(m));
        }
        return Optional.empty();
    }

    /** The first code standing alone anywhere in a text (a stored reply or a local reason). */
    public static Optional<EnhancedStatus> find(String text) {
        Matcher m = ANYWHERE.matcher(text);
        return m.find() ? Optional.of(of(m)) : Optional.empty();
    }

    /** {@code X.0.0} for a basic reply code: the RFC 3463 §3.1 "other or undefined" status. */
    public static EnhancedStatus undefined(int statusClass) {
        return new EnhancedStatus(statusClass, 0, 0);
    }

    private static EnhancedStatus of(Matcher m) {
        return new EnhancedStatus(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
