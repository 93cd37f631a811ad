package sempgw.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a delivered message is the submitted one: the delivered octets must be the
 * original octets exactly, preceded only by whole header fields that relays may add at the top
 * (trace fields, RFC 5321 §4.4, and the SEMP upgrade signal, CLIENT.md §6.4.3).
 */
public final class MessageComparison {
    /** Header fields a relay may prepend. */
    public static final Set<String> PREPENDABLE = Set.of("received", "return-path",
            "semp-capability", "semp-address", "semp-identity", "semp-domain");

    private MessageComparison() {
    }

    /** The result: identical apart from the listed prepended field names, or a description of the first difference. */
    public sealed interface Verdict {
        record Identical(List<String> prependedFields) implements Verdict {
        }

        record Different(String reason) implements Verdict {
        }
    }

    public static Verdict compare(byte[] original, byte[] delivered) {
        int prefix = delivered.length - original.length;
        if (prefix < 0 || !Arrays.equals(delivered, prefix, delivered.length, original, 0, original.length)) {
            return new Verdict.Different(firstDifference(original, delivered));
        }
        if (prefix > 0 && delivered[prefix - 1] != '\n') {
            return new Verdict.Different("the original starts in the middle of a delivered line at octet " + prefix);
        }
        List<String> fields = new ArrayList<>();
        if (prefix == 0) {
            return new Verdict.Identical(List.of());
        }
        String added = new String(delivered, 0, prefix, StandardCharsets.UTF_8);
        for (String line : added.split("\r\n")) {
            if (line.isEmpty()) {
                return new Verdict.Different("an empty line among the prepended header fields");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).toLowerCase(Locale.ROOT) : line;
            if (!PREPENDABLE.contains(name)) {
                return new Verdict.Different("prepended field that is not a trace field: " + abbreviate(line));
            }
            fields.add(name);
        }
        return new Verdict.Identical(List.copyOf(fields));
    }

    /** The value of the first header field named {@code name} in the message's header, unfolded. */
    public static Optional<String> headerValue(byte[] message, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        int start = 0;
        while (start < message.length) {
            int end = indexOf(message, (byte) '\n', start);
            int lineEnd = end < 0 ? message.length : end;
            String line = new String(message, start, lineEnd - start, StandardCharsets.UTF_8).stripTrailing();
            if (line.isEmpty()) {
                return Optional.empty();
            }
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()).strip());
            }
            start = lineEnd + 1;
        }
        return Optional.empty();
    }

    private static String firstDifference(byte[] original, byte[] delivered) {
        String body = new String(delivered, StandardCharsets.ISO_8859_1);
        int headerEnd = body.indexOf("\r\n\r\n");
        String original0 = new String(original, 0, Math.min(original.length, 200), StandardCharsets.ISO_8859_1);
        int at = body.indexOf(original0.substring(0, Math.min(original0.length(), 40)));
        if (at < 0) {
            return "the original's first line is not in the delivered message (" + delivered.length + " octets, header ends at "
                    + headerEnd + "): " + abbreviate(body);
        }
        int n = Math.min(original.length, delivered.length - at);
        int i = Arrays.mismatch(original, 0, n, delivered, at, at + n);
        if (i < 0) {
            return "delivered message is shorter: " + (delivered.length - at) + " of " + original.length + " original octets arrived";
        }
        return "first difference at original octet " + i + ": expected \"" + excerpt(original, i) + "\" but got \""
                + excerpt(delivered, at + i) + "\"";
    }

    private static String excerpt(byte[] b, int at) {
        int from = Math.max(0, at - 30);
        int to = Math.min(b.length, at + 50);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            sb.append(c == '\r' ? "\\r" : c == '\n' ? "\\n" : c < 32 || c > 126 ? String.format("\\x%02x", c) : String.valueOf((char) c));
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
