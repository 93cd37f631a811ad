package sempgw.app.bridge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.app.mailbox.MailboxKeys;

/**
 * The upgrade-signal headers of CLIENT.md §6.4.3 for SMTP mail from a provisioned mailbox:
 * {@code SEMP-Capability: 1}, {@code SEMP-Identity} (the mailbox's current identity key
 * fingerprint), {@code SEMP-Domain} and {@code SEMP-Address}. None when the sender is not
 * provisioned, when the mailbox opted out ("do not advertise SEMP capability", a privacy setting
 * the same section allows), or when {@code bridge.advertise_semp} is off.
 */
final class UpgradeSignal {
    private final MailboxKeys mailboxes;
    private final String domain;
    private final boolean enabled;

    UpgradeSignal(MailboxKeys mailboxes, String domain, boolean enabled) {
        this.mailboxes = mailboxes;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.enabled = enabled;
    }

    /** The fields to add (without CRLF), empty when none apply. */
    List<String> fields(String sender) {
        if (!enabled || sender.isEmpty() || !mailboxes.advertises(sender)) {
            return List.of();
        }
        Optional<MailboxIdentity> identity = mailboxes.identity(sender);
        if (identity.isEmpty()) {
            return List.of();
        }
        return List.of("SEMP-Capability: 1", "SEMP-Identity: " + identity.get().fingerprint(), "SEMP-Domain: " + domain,
                "SEMP-Address: " + sender.toLowerCase(Locale.ROOT));
    }
}
