package sempgw.e2e.postfix;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main.cf and master.cf of a private Postfix relay: loopback only, its own directories,
 * no chroot, no local delivery, logging to a file through postlogd (no syslog needed), every
 * message relayed to {@code relayhost}. Postfix's own defaults are kept otherwise (fsync before
 * "250", 20 parallel deliveries per destination, connection caching).
 *
 * @param directory the instance directory: {@code etc/}, {@code queue/}, {@code data/}, {@code maillog}
 * @param smtpPort where smtpd listens on 127.0.0.1
 * @param relayHost the next hop for every message, for example {@code [127.0.0.1]:2525}
 * @param overrides further main.cf parameters, applied last
 */
public record PostfixConfig(Path directory, int smtpPort, String relayHost, Map<String, String> overrides) {

    public PostfixConfig {
        overrides = Map.copyOf(overrides);
    }

    /** A relay with Postfix's defaults apart from what this class sets. */
    public static PostfixConfig relayTo(Path directory, int smtpPort, String relayHost) {
        return new PostfixConfig(directory, smtpPort, relayHost, Map.of());
    }

    public Path configDirectory() {
        return directory.resolve("etc");
    }

    public Path queueDirectory() {
        return directory.resolve("queue");
    }

    public Path maillog() {
        return directory.resolve("maillog");
    }

    public String mainCf(PostfixPackage pkg, PostfixAccounts accounts) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("compatibility_level", "3.6");
        p.put("config_directory", configDirectory().toString());
        p.put("meta_directory", configDirectory().toString());
        p.put("queue_directory", queueDirectory().toString());
        p.put("data_directory", directory.resolve("data").toString());
        p.put("daemon_directory", pkg.daemonDirectory().toString());
        p.put("command_directory", pkg.commandDirectory().toString());
        p.put("shlib_directory", pkg.libraryDirectory().toString());
        p.put("sendmail_path", pkg.command("sendmail").toString());
        p.put("newaliases_path", pkg.command("newaliases").toString());
        p.put("mailq_path", pkg.command("mailq").toString());
        // The master clears the environment of every daemon: pass the library path on explicitly.
        p.put("import_environment", "MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG TZ LANG=C POSTLOG_SERVICE POSTLOG_HOSTNAME"
                + " LD_LIBRARY_PATH=" + pkg.libraryDirectory());
        p.put("mail_owner", accounts.mailOwner());
        p.put("default_privs", accounts.defaultPrivs());
        p.put("setgid_group", accounts.setgidGroup());
        p.put("myhostname", "postfix-e2e.sempgw.test");
        p.put("mydomain", "sempgw.test");
        p.put("inet_interfaces", "127.0.0.1");
        p.put("inet_protocols", "ipv4");
        p.put("mydestination", "");
        p.put("relay_domains", "");
        p.put("mynetworks", "127.0.0.0/8");
        p.put("relayhost", relayHost);
        p.put("local_transport", "error:local delivery is disabled");
        p.put("alias_maps", "");
        p.put("alias_database", "");
        p.put("local_recipient_maps", "");
        p.put("append_dot_mydomain", "no");
        p.put("biff", "no");
        p.put("smtputf8_enable", "yes");
        p.put("message_size_limit", "67108864");
        p.put("mailbox_size_limit", "0");
        p.put("smtp_dns_support_level", "disabled");
        p.put("maillog_file", maillog().toString());
        p.put("maillog_file_prefixes", directory.toString());
        // A test cannot wait Postfix's default 5 minutes before a retry.
        p.put("queue_run_delay", "2s");
        p.put("minimal_backoff_time", "2s");
        p.put("maximal_backoff_time", "10s");
        p.putAll(overrides);
        StringBuilder out = new StringBuilder("# Written by the end-to-end test fixture; see PostfixConfig.\n");
        p.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        return out.toString();
    }

    public String masterCf() {
        return """
                # service type  private unpriv  chroot  wakeup  maxproc command
                127.0.0.1:%d inet n     -       n       -       -       smtpd
                pickup    unix  n       -       n       60      1       pickup
                cleanup   unix  n       -       n       -       0       cleanup
                qmgr      unix  n       -       n       300     1       qmgr
                tlsmgr    unix  -       -       n       1000?   1       tlsmgr
                rewrite   unix  -       -       n       -       -       trivial-rewrite
                bounce    unix  -       -       n       -       0       bounce
                defer     unix  -       -       n       -       0       bounce
                trace     unix  -       -       n       -       0       bounce
                verify    unix  -       -       n       -       1       verify
                flush     unix  n       -       n       1000?   0       flush
                proxymap  unix  -       -       n       -       -       proxymap
                smtp      unix  -       -       n       -       -       smtp
                relay     unix  -       -       n       -       -       smtp
                showq     unix  n       -       n       -       -       showq
                error     unix  -       -       n       -       -       error
                retry     unix  -       -       n       -       -       error
                discard   unix  -       -       n       -       -       discard
                anvil     unix  -       -       n       -       1       anvil
                scache    unix  -       -       n       -       1       scache
                postlog   unix-dgram n  -       n       -       1       postlogd
                """.formatted(smtpPort);
    }
}
