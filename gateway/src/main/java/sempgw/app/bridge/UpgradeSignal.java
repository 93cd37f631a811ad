package sempgw.app.bridge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.app.mailbox.MailboxKeys;

/**
 * The upgrade-signal headers of CLIENT.md §6.4.3: {@code SEMP-Capability: 1},
 * {@code SEMP-Identity} (the sender's current identity key fingerprint, {@code <algorithm>:<hex>}),
 * {@code SEMP-Domain} and {@code SEMP-Address}. Written on SMTP mail from a provisioned mailbox
 * ({@link #fields}); none when the sender is not provisioned, when the mailbox opted out ("do not
 * advertise SEMP capability", a privacy setting the same section allows), or when
 * {@code bridge.advertise_semp} is off. Read, unverified, from mail for our mailboxes
 * ({@link #read}, CLIENT.md §4.3.1; {@link LegacyOrigin} verifies it).
 */
final class UpgradeSignal {
    static final String CAPABILITY = "SEMP-Capability";
    static final String IDENTITY = "SEMP-Identity";
    static final String DOMAIN = "SEMP-Domain";
    static final String ADDRESS = "SEMP-Address";

    /** What a received signal claims, as written: nothing of it is verified yet (CLIENT.md §6.4.3). */
    record Claim(String identity, String domain, String address) {
    }

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
        return List.of(CAPABILITY + ": 1", IDENTITY + ": " + identity.get().fingerprint(), DOMAIN + ": " + domain,
                ADDRESS + ": " + sender.toLowerCase(Locale.ROOT));
    }

    /**
     * The signal of a received message: all four fields, each exactly once, and
     * {@code SEMP-Capability} {@code 1} (CLIENT.md §4.3.1); otherwise none.
     */
    static Optional<Claim> read(HeaderSection header) {
        Optional<String> capability = single(header, CAPABILITY);
        Optional<String> identity = single(header, IDENTITY);
        Optional<String> domain = single(header, DOMAIN);
        Optional<String> address = single(header, ADDRESS);
        if (!capability.equals(Optional.of("1")) || identity.isEmpty() || domain.isEmpty() || address.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(identity.get(), domain.get(), address.get()));
    }

    private static Optional<String> single(HeaderSection header, String name) {
        List<String> values = header.values(name);
        return values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }
}
