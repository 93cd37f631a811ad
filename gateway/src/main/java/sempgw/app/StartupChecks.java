package sempgw.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import sempgw.app.config.ConfigException;
import sempgw.app.config.GatewayConfig;
import sempgw.app.tls.PeerTrust;
import sempgw.app.tls.TlsContexts;
import sempgw.smtp.ingress.auth.PasswordFileAuthenticator;
import sempgw.smtp.ingress.policy.FileRecipientValidator;
import sempgw.smtp.ingress.policy.SenderLogins;
import sempgw.smtp.ingress.policy.SenderLoginsFile;

/**
 * Checks the files a configuration names (TLS certificate and key, recipients, AUTH users,
 * AUTH sender logins, SEMP mailboxes, SEMP peer trust) and the directories the gateway writes,
 * without starting anything: what {@code check-config} adds to parsing. A file or directory that
 * cannot be used is a {@link ConfigException} naming its key.
 */
public final class StartupChecks {
    private StartupChecks() {
    }

    public static void check(GatewayConfig config) {
        if (config.tls().certFile().isPresent() && config.tls().keyFile().isPresent()) {
            TlsContexts.checkConfigured(config.tls().certFile().get(), config.tls().keyFile().get());
        }
        config.smtp().recipientsFile().ifPresent(f -> recipients(f));
        config.smtp().authUsersFile().ifPresent(f -> users(f));
        config.smtp().senderLoginsFile().ifPresent(f -> senderLogins(f));
        config.semp().mailboxesFile().ifPresent(f -> mailboxes(f));
        config.semp().trustFile().ifPresent(f -> trust(f));
        writable(config);
    }

    /**
     * The directories the gateway writes (its data, queues, keys and control socket): each must be
     * a directory this process's user may write, or one it may create. Checked before {@code run}
     * creates anything, so a data directory owned by another user is reported by its key, not by
     * the first temporary file that could not be written.
     */
    public static void writable(GatewayConfig config) {
        writableDirectory("data_dir", config.dataDir(), config.dataDir());
        writableDirectory("queue.dir", config.queue().dir(), config.queue().dir());
        writableDirectory("queue.key_file", config.queue().keyFile(), parent(config.queue().keyFile()));
        writableDirectory("control.socket", config.control().socket(), parent(config.control().socket()));
        if (config.semp().enabled()) {
            writableDirectory("semp.key_file", config.semp().keyFile(), parent(config.semp().keyFile()));
            writableDirectory("semp.domain_keys_file", config.semp().domainKeysFile(), parent(config.semp().domainKeysFile()));
            writableDirectory("semp.queue.dir", config.semp().queue().dir(), config.semp().queue().dir());
        }
    }

    /** {@code dir}, where key {@code key} (set to {@code value}) makes the gateway write, or its nearest existing ancestor. */
    private static void writableDirectory(String key, Path value, Path dir) {
        Path existing = dir.toAbsolutePath().normalize();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        String shown = "\"" + value + "\"";
        if (!Files.isDirectory(existing)) {
            throw new ConfigException(key, shown, "a path below directories only (" + existing + " is not a directory)");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw new ConfigException(key, shown, "a path user " + System.getProperty("user.name") + " may write ("
                    + existing + " is not writable by that user: run the gateway as its owner, or change its owner)");
        }
    }

    private static Path parent(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    /** {@code semp.trust_file}: a {@link ConfigException} naming the key if it holds no readable certificate. */
    static void trust(Path file) {
        try {
            PeerTrust.context(Optional.of(file));
        } catch (IOException e) {
            throw new ConfigException("semp.trust_file", "\"" + file + "\"", "a PEM file of certificates the JDK can load (" + e.getMessage() + ")");
        }
    }

    /** {@code semp.mailboxes_file}, loaded; a {@link ConfigException} naming the key if it cannot be. */
    public static FileRecipientValidator mailboxes(Path file) {
        try {
            return FileRecipientValidator.load(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("semp.mailboxes_file", "\"" + file + "\"", "a readable file of addresses, one per line (" + e + ")");
        }
    }

    static FileRecipientValidator recipients(Path file) {
        try {
            return FileRecipientValidator.load(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("smtp.recipients_file", "\"" + file + "\"", "a readable file of addresses, one per line (" + e + ")");
        }
    }

    static PasswordFileAuthenticator users(Path file) {
        try {
            return PasswordFileAuthenticator.load(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("smtp.auth_users_file", "\"" + file + "\"", "a readable file of username:hash lines (" + e + ")");
        }
    }

    /** {@code smtp.sender_logins_file}, loaded; a {@link ConfigException} naming the key, and the line, if it cannot be. */
    static SenderLogins senderLogins(Path file) {
        try {
            return SenderLoginsFile.load(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("smtp.sender_logins_file", "\"" + file + "\"",
                    "a readable file of \"login: address, address, @domain\" lines ("
                    + (e.getClass() == IOException.class ? e.getMessage() : e.toString()) + ")");
        }
    }
}
