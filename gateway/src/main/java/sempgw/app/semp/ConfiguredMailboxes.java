package sempgw.app.semp;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import sempgw.app.StartupChecks;
import sempgw.app.config.SempConfig;
import sempgw.semp.ingress.receive.Mailboxes;
import sempgw.smtp.ingress.policy.FileRecipientValidator;

/**
 * The local SEMP mailboxes: {@code semp.mailboxes} ({@code user@domain}, or {@code @domain} for
 * every user) and the lines of {@code semp.mailboxes_file}, compared ignoring case as the SMTP
 * recipient table is. Every lookup is two set reads, whether or not the address exists
 * (DELIVERY.md §6.4.3).
 */
final class ConfiguredMailboxes implements Mailboxes {
    private final Set<String> entries;
    private final Optional<FileRecipientValidator> file;

    private ConfiguredMailboxes(Set<String> entries, Optional<FileRecipientValidator> file) {
        this.entries = entries;
        this.file = file;
    }

    /** @throws sempgw.app.config.ConfigException if {@code semp.mailboxes_file} cannot be read */
    static ConfiguredMailboxes of(SempConfig semp) {
        return new ConfiguredMailboxes(semp.mailboxes().stream().map(m -> m.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                semp.mailboxesFile().map(StartupChecks::mailboxes));
    }

    @Override
    public boolean exists(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        boolean listed = entries.contains(a) | entries.contains(a.substring(a.lastIndexOf('@')));
        return listed | file.map(f -> f.exists(address)).orElse(false);
    }
}
