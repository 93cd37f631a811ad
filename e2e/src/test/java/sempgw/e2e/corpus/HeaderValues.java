package sempgw.e2e.corpus;

import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header field values as a mail client shows them, so that two renderings of the same header
 * compare equal however they were encoded or folded: text with RFC 2047 encoded words decoded,
 * address lists as {@code display name <address>} (display name unquoted and decoded, domain in
 * lower case), dates as instants, msg-id lists as the ids in order.
 */
final class HeaderValues {
    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");

    private HeaderValues() {
    }

    /** Unstructured text (RFC 5322 §3.2.5) with encoded words decoded (RFC 2047 §6.1) and runs of blanks collapsed. */
    static String text(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value)).replaceAll("[ \t]+", " ").strip();
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    /** An address list (RFC 5322 §3.4): each entry as {@code name <local@domain>}, or {@code <local@domain>} without a name. */
    static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        for (String entry : splitList(value)) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int open = e.lastIndexOf('<');
            int close = e.lastIndexOf('>');
            String name = open >= 0 ? e.substring(0, open).strip() : "";
            String address = open >= 0 && close > open ? e.substring(open + 1, close).strip() : e;
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            out.add((name.isEmpty() ? "" : text(name) + " ") + "<" + normalise(address) + ">");
        }
        return out;
    }

    /** The date-time as milliseconds since the epoch, or the text itself when it is not a date (RFC 5322 §3.3). */
    static String date(String value) {
        try {
            return Long.toString(new MailDateFormat().parse(value.strip()).getTime());
        } catch (ParseException e) {
            return "unparseable: " + value;
        }
    }

    /** The msg-ids of In-Reply-To or References, in order (RFC 5322 §3.6.4). */
    static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        Matcher m = MSG_ID.matcher(value);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static String normalise(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Splits at commas outside quoted strings, comments and angle brackets. */
    private static List<String> splitList(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"' && comment == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                comment++;
            } else if (!quoted && c == ')' && comment > 0) {
                comment--;
            } else if (!quoted && comment == 0 && c == '<') {
                angle++;
            } else if (!quoted && comment == 0 && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && comment == 0 && angle == 0 && c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
