package sempgw.agent.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameters of {@code Content-Type} and {@code Content-Disposition} (RFC 2045 §5.1, RFC 2183
 * §2): {@code ; name=token} or {@code ; name="quoted"}, with RFC 2231 extended values
 * ({@code name*=charset'lang'%xx}) and continuations ({@code name*0=}, {@code name*1*=}).
 * Lenient as mail readers are: unquoted values may hold any character up to the next
 * semicolon, and a quoted value holding RFC 2047 encoded words (a common non-standard filename
 * form) is decoded. Names are returned in lower case.
 */
public final class MimeParams {
    private MimeParams() {
    }

    /** The parameters in {@code text}, which starts at or before the first semicolon. */
    public static Map<String, String> parse(String text) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> extended = new LinkedHashMap<>();
        int i = text.indexOf(';');
        while (i >= 0 && i < text.length()) {
            int eq = text.indexOf('=', i + 1);
            int semi = text.indexOf(';', i + 1);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                i = semi;
                continue;
            }
            String name = text.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            while (v < text.length() && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
                v++;
            }
            StringBuilder value = new StringBuilder();
            int next;
            String parsed;
            if (v < text.length() && text.charAt(v) == '"') {
                next = text.indexOf(';', quoted(text, v + 1, value));
                parsed = value.toString();
            } else {
                next = text.indexOf(';', v);
                parsed = text.substring(v, next < 0 ? text.length() : next).strip();
            }
            add(name, parsed, plain, extended);
            i = next;
        }
        return assemble(plain, extended);
    }

    private static int quoted(String text, int from, StringBuilder out) {
        int j = from;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '\\' && j + 1 < text.length()) {
                out.append(text.charAt(j + 1));
                j += 2;
            } else if (c == '"') {
                return j + 1;
            } else {
                out.append(c);
                j++;
            }
        }
        return j;
    }

    private static void add(String name, String value, Map<String, String> plain, Map<String, TreeMap<Integer, String[]>> extended) {
        if (name.isEmpty()) {
            return;
        }
        int star = name.indexOf('*');
        if (star < 0) {
            plain.putIfAbsent(name, value);
            return;
        }
        String base = name.substring(0, star);
        String rest = name.substring(star + 1);
        boolean encoded = rest.endsWith("*") || rest.isEmpty();
        String number = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
        int section = 0;
        if (!number.isEmpty()) {
            try {
                section = Integer.parseInt(number);
            } catch (NumberFormatException e) {
                return;
            }
        }
        if (section >= 0 && section < 1000) {
            extended.computeIfAbsent(base, k -> new TreeMap<>()).putIfAbsent(section, new String[] {value, encoded ? "*" : ""});
        }
    }

    private static Map<String, String> assemble(Map<String, String> plain, Map<String, TreeMap<Integer, String[]>> extended) {
        Map<String, String> out = new LinkedHashMap<>();
        plain.forEach((k, v) -> out.put(k, v.contains("=?") ? EncodedWords.decode(v) : v));
        extended.forEach((base, sections) -> {
            String first = sections.firstEntry().getValue()[0];
            Charset charset = StandardCharsets.US_ASCII;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean head = true;
            for (String[] s : sections.values()) {
                String value = s[0];
                if (head && !s[1].isEmpty()) {
                    int q1 = value.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charset = Charsets.forMime(value.substring(0, q1)).orElse(StandardCharsets.ISO_8859_1);
                        value = value.substring(q2 + 1);
                    }
                }
                head = false;
                byte[] b = s[1].isEmpty() ? value.getBytes(StandardCharsets.UTF_8) : percentDecode(value);
                bytes.writeBytes(b);
            }
            out.put(base, first.isEmpty() && bytes.size() == 0 ? "" : Charsets.decode(bytes.toByteArray(), charset).text());
        });
        return out;
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int h = i + 2 < s.length() && c == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
            int l = h >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (l >= 0) {
                out.write(h * 16 + l);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
