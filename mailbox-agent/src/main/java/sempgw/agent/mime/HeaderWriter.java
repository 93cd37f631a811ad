package sempgw.agent.mime;

import java.util.List;
import java.util.Optional;

/**
 * Header fields we compose, each returned as {@code Name: value CRLF}, folded at whitespace to
 * about 78 characters (RFC 5322 §2.1.1, §2.2.3). Text that is not plain ASCII is written as RFC
 * 2047 encoded words; addresses keep UTF-8 local parts as RFC 6532 allows.
 */
public final class HeaderWriter {
    private static final int SOFT_LIMIT = 78;
    private static final int LONGEST_WORD = 900;
    private static final String PHRASE_SPECIALS = "()<>[]:;@\\,.\"";

    private HeaderWriter() {
    }

    /** An unstructured field such as {@code Subject} (RFC 5322 §3.2.5). */
    public static String unstructured(String name, String text) {
        String clean = text.replaceAll("[\\r\\n]+", " ");
        boolean longWord = java.util.Arrays.stream(clean.split(" ")).anyMatch(w -> w.length() > LONGEST_WORD);
        if (EncodedWords.needsEncoding(clean) || longWord) {
            return name + ": " + EncodedWords.encode(clean) + "\r\n";
        }
        return fold(name + ":", List.of(clean.split(" ", -1)), " ") + "\r\n";
    }

    /** A field whose value is written as given, unfolded: ids, dates, tokens. */
    public static String simple(String name, String value) {
        return name + ": " + value + "\r\n";
    }

    /** An address field from already formatted mailboxes, folded after commas. */
    public static String addresses(String name, List<String> mailboxes) {
        StringBuilder line = new StringBuilder(name).append(':');
        int column = line.length();
        for (int i = 0; i < mailboxes.size(); i++) {
            String item = mailboxes.get(i) + (i + 1 < mailboxes.size() ? "," : "");
            if (i > 0 && column + 1 + item.length() > SOFT_LIMIT) {
                line.append("\r\n");
                column = 0;
            }
            line.append(' ').append(item);
            column += 1 + item.length();
        }
        return line.append("\r\n").toString();
    }

    /** A list of {@code <msg-id>}s such as {@code References}, separated by folding white space (RFC 5322 §3.6.4). */
    public static String idList(String name, List<String> ids) {
        return fold(name + ":", ids, " ") + "\r\n";
    }

    /** {@code Display Name <address>}, or the bare address when there is no name (RFC 5322 §3.4). */
    public static String mailbox(Optional<String> displayName, String address) {
        String spec = addrSpec(address);
        if (displayName.isEmpty() || displayName.get().isBlank()) {
            return spec;
        }
        String name = displayName.get().replaceAll("[\\r\\n]+", " ").strip();
        String phrase;
        if (EncodedWords.needsEncoding(name)) {
            phrase = EncodedWords.encode(name);
        } else if (name.chars().anyMatch(c -> PHRASE_SPECIALS.indexOf(c) >= 0)) {
            phrase = quote(name);
        } else {
            phrase = name;
        }
        return phrase + " <" + spec + ">";
    }

    /**
     * {@code local@domain} with the local part quoted when it is not a dot-atom (RFC 5322 §3.4.1,
     * RFC 6532 §3.2). Control characters are dropped first, so no address can break a header line.
     */
    public static String addrSpec(String address) {
        String clean = address.codePoints().filter(c -> c >= ' ' && c != 127 && !(c >= 0x80 && c < 0xa0))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int at = clean.lastIndexOf('@');
        if (at <= 0) {
            return quote(clean);
        }
        String local = clean.substring(0, at);
        return (isDotAtom(local) || (local.startsWith("\"") && local.endsWith("\"") && local.length() > 1) ? local : quote(local))
                + clean.substring(at);
    }

    private static boolean isDotAtom(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        return s.codePoints().allMatch(c -> c >= 128 || Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String fold(String start, List<String> words, String separator) {
        StringBuilder out = new StringBuilder(start);
        int column = start.length();
        boolean first = true;
        for (String w : words) {
            if (!first && column + separator.length() + w.length() > SOFT_LIMIT && !w.isEmpty()) {
                out.append("\r\n");
                column = 0;
            }
            out.append(separator).append(w);
            column += separator.length() + w.length();
            first = false;
        }
        return out.toString();
    }
}
