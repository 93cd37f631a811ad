package sempgw.agent.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 5322 §3.6.4 message identifiers and the synthetic ones CLIENT.md §6.4.4 derives from SEMP
 * {@code message_id}s: {@code <id@semp.invalid>} (our placeholder host; {@code semp.example},
 * the spec's, is recognized too). A SEMP id that is not dot-atom text is made one reversibly:
 * every byte outside atext, and {@code =} itself, becomes {@code =XX}; a dot that would start,
 * end or double is escaped the same way. ULIDs pass unchanged.
 */
public final class MessageIds {
    /** The host of synthetic Message-IDs we write. */
    public static final String SEMP_HOST = "semp.invalid";
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/?^_`{|}~";

    private MessageIds() {
    }

    /** The ids {@code <left@right>} in a Message-ID, In-Reply-To or References value, brackets removed. */
    public static List<String> parse(String value) {
        List<String> ids = new ArrayList<>();
        int i = 0;
        while (true) {
            int lt = value.indexOf('<', i);
            int gt = lt < 0 ? -1 : value.indexOf('>', lt + 1);
            if (gt < 0) {
                return ids;
            }
            String id = value.substring(lt + 1, gt).strip();
            if (isSensible(id)) {
                ids.add(id);
            }
            i = gt + 1;
        }
    }

    /** True when {@code id} is usable as a msg-id core: one {@code @}, no space, brackets or controls, at most 900 characters (a line is at most 998, RFC 5322 §2.1.1). */
    public static boolean isSensible(String id) {
        int at = id.lastIndexOf('@');
        if (at <= 0 || at == id.length() - 1 || id.length() > 900) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c == 127 || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    /** The synthetic Message-ID for SEMP message id {@code sempId}, brackets included. */
    public static String synthetic(String sempId) {
        return "<" + encodeLeft(sempId) + "@" + SEMP_HOST + ">";
    }

    /** The SEMP message id behind a synthetic id core {@code left@semp.invalid} or {@code left@semp.example}. */
    public static Optional<String> sempId(String id) {
        int at = id.lastIndexOf('@');
        String host = at < 0 ? "" : id.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!host.equals(SEMP_HOST) && !host.equals("semp.example")) {
            return Optional.empty();
        }
        return decodeLeft(id.substring(0, at)).filter(s -> !s.isEmpty());
    }

    /** The id-left form of {@code s}: dot-atom text, reversible by {@link #sempId}. */
    public static String encodeLeft(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean dotOk = b == '.' && i > 0 && i < bytes.length - 1 && bytes[i - 1] != '.';
            boolean atext = b < 127 && (Character.isLetterOrDigit(b) || ATEXT_SPECIALS.indexOf(b) >= 0);
            if (atext || dotOk) {
                out.append((char) b);
            } else {
                out.append('=').append(String.format(Locale.ROOT, "%02X", b));
            }
        }
        return out.toString();
    }

    private static Optional<String> decodeLeft(String left) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(left.length());
        for (int i = 0; i < left.length(); i++) {
            char c = left.charAt(i);
            if (c == '=') {
                int h = i + 2 < left.length() ? Character.digit(left.charAt(i + 1), 16) : -1;
                int l = h >= 0 ? Character.digit(left.charAt(i + 2), 16) : -1;
                if (l < 0) {
                    return Optional.empty();
                }
                out.write(h * 16 + l);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
