package sempgw.smtp.egress.client;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service extensions a server announced in its EHLO or LHLO reply (RFC 5321 §4.1.1.1):
 * each line after the first is a keyword and its parameters. After HELO there are none.
 *
 * @param extensions upper-cased keyword to its parameter string (possibly empty)
 */
public record Capabilities(Map<String, String> extensions) {

    public Capabilities {
        extensions = Map.copyOf(extensions);
    }

    /** What a server that only understood HELO supports: nothing. */
    public static Capabilities none() {
        return new Capabilities(Map.of());
    }

    /** Parses a positive EHLO/LHLO reply; the first line is the server's greeting name. */
    public static Capabilities parse(SmtpReply ehloReply) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : ehloReply.lines().subList(1, ehloReply.lines().size())) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int split = indexOfSeparator(trimmed);
            String keyword = (split < 0 ? trimmed : trimmed.substring(0, split)).toUpperCase(Locale.ROOT);
            String params = split < 0 ? "" : trimmed.substring(split + 1).strip();
            found.merge(keyword, params, (a, b) -> (a + " " + b).strip());
        }
        return new Capabilities(found);
    }

    private static int indexOfSeparator(String line) {
        int space = line.indexOf(' ');
        int equals = line.indexOf('=');
        if (equals > 0 && (space < 0 || equals < space)) {
            return equals; // the pre-RFC 4954 form "AUTH=LOGIN PLAIN"
        }
        return space;
    }

    public boolean has(String keyword) {
        return extensions.containsKey(keyword.toUpperCase(Locale.ROOT));
    }

    /** RFC 2920 PIPELINING. */
    public boolean pipelining() {
        return has("PIPELINING");
    }

    /** RFC 3207 STARTTLS. */
    public boolean startTls() {
        return has("STARTTLS");
    }

    /** RFC 3461 DSN. */
    public boolean dsn() {
        return has("DSN");
    }

    /** RFC 6531 SMTPUTF8. */
    public boolean smtpUtf8() {
        return has("SMTPUTF8");
    }

    /** RFC 6152 8BITMIME. */
    public boolean eightBitMime() {
        return has("8BITMIME");
    }

    /** RFC 1870 SIZE: the fixed maximum message size, if the server declared one (0 means none, RFC 1870 §4). */
    public OptionalLong sizeLimit() {
        String value = extensions.get("SIZE");
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long limit = Long.parseLong(value.split(" ")[0]);
            return limit > 0 ? OptionalLong.of(limit) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** RFC 4954 AUTH: the offered SASL mechanisms, upper-cased. */
    public Set<String> authMechanisms() {
        String value = extensions.getOrDefault("AUTH", "");
        return Arrays.stream(value.split("[ =]+"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
