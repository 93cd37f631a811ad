package sempgw.smtp.ingress.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sempgw.smtp.ingress.protocol.Mailbox;

/**
 * Reads {@link SenderLogins} from a file, one login per line:
 * <pre>
 * # login: address, address, @domain
 * alice@example.org: info@example.org, sales@example.org
 * mta: @example.org
 * </pre>
 * Blank lines and lines starting with {@code #} are ignored. Parsing is strict, so a typing
 * error stops start-up instead of silently refusing mail: each line needs a login without white
 * space, a colon, and one or more comma-separated entries, each a mailbox (RFC 5321 §4.1.2) or
 * {@code @} and a domain; a login may appear on one line only. Errors name the file and line.
 */
public final class SenderLoginsFile {
    private SenderLoginsFile() {
    }

    /** @throws IOException if the file cannot be read or a line is malformed ({@code file:line: reason}) */
    public static SenderLogins load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Set<String>> owned = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + n + ": ";
            int colon = line.indexOf(':');
            String login = colon < 0 ? "" : line.substring(0, colon).strip();
            if (login.isEmpty()) {
                throw new IOException(where + "expected login: address, address, @domain");
            }
            if (login.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new IOException(where + "the login holds white space or a control character");
            }
            Integer earlier = lineOf.putIfAbsent(login, n);
            if (earlier != null) {
                throw new IOException(where + "login " + login + " is already listed on line " + earlier);
            }
            owned.put(login, entries(line.substring(colon + 1), where));
        }
        return new SenderLogins(owned);
    }

    private static Set<String> entries(String list, String where) throws IOException {
        if (list.isBlank()) {
            throw new IOException(where + "no address after the colon");
        }
        Set<String> keys = new HashSet<>();
        for (String raw : list.split(",", -1)) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                throw new IOException(where + "empty entry (two commas in a row, or a comma at either end)");
            }
            keys.add(key(entry).orElseThrow(() -> new IOException(where + "not an address or @domain: " + entry)));
        }
        return Set.copyOf(keys);
    }

    private static Optional<String> key(String entry) {
        if (entry.startsWith("@")) {
            String domain = entry.substring(1);
            return domain.indexOf('@') >= 0 ? Optional.empty() : Mailbox.parse("x@" + domain).map(m -> "@" + m.domainKey());
        }
        return Mailbox.parse(entry).map(SenderLogins::ownerKey);
    }
}
