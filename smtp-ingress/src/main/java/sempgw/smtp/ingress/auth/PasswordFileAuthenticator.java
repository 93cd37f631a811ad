package sempgw.smtp.ingress.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AUTH users from a file, one {@code username:hash} per line with the hash in the
 * {@link PasswordHash} format; blank lines and lines starting with {@code #} are ignored.
 * A user that does not exist costs the same PBKDF2 work as a wrong password, so timing does not
 * reveal which user names exist. {@link #reload()} swaps the table atomically; on a read error
 * the previous table stays in force.
 */
public final class PasswordFileAuthenticator implements Authenticator {
    private record Table(Map<String, PasswordHash> users, PasswordHash decoy) {
    }

    private final Path file;
    private volatile Table table;

    private PasswordFileAuthenticator(Path file, Table table) {
        this.file = file;
        this.table = table;
    }

    /** @throws IOException if the file cannot be read or a line is malformed */
    public static PasswordFileAuthenticator load(Path file) throws IOException {
        return new PasswordFileAuthenticator(file, read(file));
    }

    /** Re-reads the file; returns the number of users now in force. */
    public int reload() throws IOException {
        Table fresh = read(file);
        table = fresh;
        return fresh.users().size();
    }

    @Override
    public boolean authenticate(String username, char[] password) {
        Table t = table;
        PasswordHash hash = t.users().get(username);
        if (hash == null) {
            t.decoy().matches(password);
            return false;
        }
        return hash.matches(password);
    }

    private static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, PasswordHash> users = new HashMap<>();
        int maxIterations = 1;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException(file + ":" + (n + 1) + ": expected username:hash");
            }
            try {
                PasswordHash hash = PasswordHash.parse(line.substring(colon + 1));
                users.put(line.substring(0, colon), hash);
                maxIterations = Math.max(maxIterations, hash.iterations());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (n + 1) + ": " + e.getMessage());
            }
        }
        char[] decoyPassword = "decoy-password-never-matches".toCharArray();
        PasswordHash decoy = PasswordHash.parse(PasswordHash.create(decoyPassword, maxIterations, new SecureRandom()));
        return new Table(Map.copyOf(users), decoy);
    }
}
