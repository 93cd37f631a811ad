package sempgw.e2e.postfix;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.e2e.support.Commands;

/**
 * The three accounts a Postfix instance needs, chosen so that Postfix's start-up checks pass
 * ({@code mail_owner}, {@code default_privs} and {@code setgid_group} must be distinct from each
 * other and from root, user and group ids included):
 * <ul>
 *   <li>{@code mail_owner}: {@code postfix} if the machine has it, else Debian's {@code mail}
 *       account, else a system account {@code sempgw-postfix} created with {@code useradd};</li>
 *   <li>{@code default_privs}: {@code nobody} (never used here: there is no local delivery);</li>
 *   <li>{@code setgid_group}: {@code postdrop} if it exists, else a system group
 *       {@code sempgw-postdrop} (no members) created with {@code groupadd}. It only owns the
 *       private instance's {@code maildrop/} and {@code public/} directories.</li>
 * </ul>
 * Creating an account needs root, which the end-to-end tests need anyway ({@code postfix start}).
 */
public record PostfixAccounts(String mailOwner, String defaultPrivs, String setgidGroup) {

    private record Account(String name, long uid, long gid) {
    }

    public static synchronized PostfixAccounts resolve() {
        Account owner = user("postfix").or(() -> user("mail"))
                .orElseGet(() -> createUser("sempgw-postfix"));
        Account privs = user("nobody").filter(a -> a.uid() != owner.uid() && a.gid() != owner.gid())
                .orElseGet(() -> createUser("sempgw-nobody"));
        Optional<Long> postdrop = group("postdrop").filter(gid -> gid != owner.gid() && gid != privs.gid());
        String setgid = postdrop.isPresent() ? "postdrop" : "sempgw-postdrop";
        if (postdrop.isEmpty() && group(setgid).isEmpty()) {
            Commands.run(List.of("groupadd", "--system", setgid), null, Map.of(), Duration.ofSeconds(30)).orThrow();
        }
        if (owner.uid() == 0 || privs.uid() == 0) {
            throw new IllegalStateException("Postfix accounts must not be root: " + owner + ", " + privs);
        }
        return new PostfixAccounts(owner.name(), privs.name(), setgid);
    }

    private static Optional<Account> user(String name) {
        return getent("passwd", name).map(f -> new Account(f[0], Long.parseLong(f[2]), Long.parseLong(f[3])));
    }

    private static Optional<Long> group(String name) {
        return getent("group", name).map(f -> Long.parseLong(f[2]));
    }

    private static Optional<String[]> getent(String database, String name) {
        Commands.Result r = Commands.run(List.of("getent", database, name), null, Map.of(), Duration.ofSeconds(30));
        if (!r.succeeded() || r.output().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(r.output().strip().split(":", -1));
    }

    private static Account createUser(String name) {
        if (user(name).isEmpty()) {
            Commands.run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name), null, Map.of(), Duration.ofSeconds(30))
                    .orThrow();
        }
        return user(name).orElseThrow(() -> new IllegalStateException("useradd did not create " + name));
    }
}
