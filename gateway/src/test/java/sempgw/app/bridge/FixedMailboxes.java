package sempgw.app.bridge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.app.mailbox.MailboxKeys;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * Mailboxes for tests that need no identity key: the provisioned addresses, each with the keys it
 * opens envelopes with; none advertises the upgrade signal.
 */
final class FixedMailboxes implements MailboxKeys {
    private final Map<String, List<UserEncryptionPrivateKey>> keys;

    FixedMailboxes(Map<String, List<UserEncryptionPrivateKey>> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** {@code address} provisioned, without decryption keys. */
    static FixedMailboxes of(String address) {
        return new FixedMailboxes(Map.of(address, List.of()));
    }

    @Override
    public Optional<MailboxIdentity> identity(String address) {
        return Optional.empty();
    }

    @Override
    public List<UserEncryptionPrivateKey> decryptionKeys(String address) {
        return keys.getOrDefault(address, List.of());
    }

    @Override
    public boolean provisioned(String address) {
        return keys.containsKey(address);
    }

    @Override
    public boolean advertises(String address) {
        return false;
    }
}
