package sempgw.agent.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the mailboxes of an address-list field such as {@code To} or {@code Reply-To} (RFC 5322
 * §3.4): name-addr ({@code Name <a@b>}) and addr-spec forms, groups ({@code team: a@b, c@d;},
 * whose members count and whose name is dropped), comments, quoted strings, RFC 2047 encoded
 * display names and UTF-8 (RFC 6532). The obsolete route in {@code <@x,@y:a@b>} is dropped.
 * Entries that are not an address (no {@code @}) are skipped: this parser classifies header
 * addresses, it does not validate them.
 */
public final class AddressParser {
    private AddressParser() {
    }

    /** The mailboxes in {@code value}. */
    public static List<Mailbox> parse(String value) {
        List<Mailbox> out = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        boolean angle = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                entry.append(c);
                if (c == '\\' && i + 1 < value.length()) {
                    entry.append(value.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (depth > 0) {
                if (c == '\\' && i + 1 < value.length()) {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            } else if (c == '(') {
                depth = 1;
                entry.append(' ');
            } else if (c == '"') {
                quoted = true;
                entry.append(c);
            } else if (c == '<') {
                angle = true;
                entry.append(c);
            } else if (c == '>') {
                angle = false;
                entry.append(c);
            } else if (!angle && c == ':') {
                entry.setLength(0);
            } else if (!angle && (c == ',' || c == ';')) {
                mailbox(entry.toString()).ifPresent(out::add);
                entry.setLength(0);
            } else {
                entry.append(c);
            }
        }
        mailbox(entry.toString()).ifPresent(out::add);
        return out;
    }

    private static Optional<Mailbox> mailbox(String entry) {
        int lt = entry.lastIndexOf('<');
        int gt = entry.lastIndexOf('>');
        String spec;
        Optional<String> display = Optional.empty();
        if (lt >= 0 && gt > lt) {
            spec = entry.substring(lt + 1, gt);
            int routeEnd = spec.startsWith("@") ? spec.indexOf(':') : -1;
            if (routeEnd >= 0) {
                spec = spec.substring(routeEnd + 1);
            }
            String name = unquote(entry.substring(0, lt).strip());
            display = name.isEmpty() ? Optional.empty() : Optional.of(EncodedWords.decode(name));
        } else {
            spec = entry;
        }
        spec = stripOutsideQuotes(spec);
        int at = spec.lastIndexOf('@');
        if (at <= 0 || at == spec.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Mailbox(display, spec));
    }

    private static String unquote(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(++i));
            } else if (c != '"') {
                out.append(c);
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** The addr-spec without the folding whitespace RFC 5322 §4.4 allows around its dots and {@code @}. */
    private static String stripOutsideQuotes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted || !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
