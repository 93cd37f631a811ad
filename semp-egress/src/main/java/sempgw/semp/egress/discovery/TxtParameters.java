package sempgw.semp.egress.discovery;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.xbill.DNS.TXTRecord;

/**
 * The {@code key=value;key=value} syntax of SEMP's TXT records (DISCOVERY.md §2.2, HANDSHAKE.md
 * §3.1). Keys compare case-insensitively; empty segments and segments without {@code =} are
 * skipped; unknown keys are kept and ignored by readers (DISCOVERY.md §2.2: unknown parameters
 * are not errors). A key given twice makes the record ambiguous, so it is rejected.
 */
final class TxtParameters {

    static final String VERSION_KEY = "v";
    static final String VERSION = "semp1";
    /** A {@code v} value naming a SEMP major version: {@code semp} and the MAJOR (DISCOVERY.md §2.2, CONFORMANCE.md §9.1.2). */
    private static final Pattern SEMP_MAJOR = Pattern.compile("semp[1-9][0-9]{0,8}");

    private TxtParameters() {
    }

    /** The parameters of {@code text}, or empty when a key repeats. */
    static Optional<Map<String, String>> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String segment : text.split(";")) {
            int eq = segment.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = segment.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty() || out.putIfAbsent(key, segment.substring(eq + 1).strip()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** True when the parameters declare this protocol version ({@code v=semp1}). */
    static boolean isSemp1(Map<String, String> params) {
        return VERSION.equals(params.get(VERSION_KEY));
    }

    /**
     * The {@code v} value of a record that declares another SEMP major version than ours, such as
     * {@code semp2} (CONFORMANCE.md §9.1.2); empty for {@code v=semp1}, and for a {@code v} that
     * names no SEMP major at all (another protocol's record at the same name).
     */
    static Optional<String> otherMajor(Map<String, String> params) {
        String v = params.get(VERSION_KEY);
        return v != null && !VERSION.equals(v) && SEMP_MAJOR.matcher(v).matches() ? Optional.of(v) : Optional.empty();
    }

    /**
     * One TXT record's text: its character-strings joined without separator, the usual reading
     * of a value split at 255 octets (RFC 7208 §3.3 does the same for SPF).
     */
    static String text(TXTRecord record) {
        StringBuilder sb = new StringBuilder();
        for (byte[] part : record.getStringsAsByteArrays()) {
            sb.append(new String(part, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** A comma-separated list, entries stripped, empty entries dropped. */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A non-negative decimal integer, or empty when the value is absent or not one. */
    static OptionalLong nonNegative(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
