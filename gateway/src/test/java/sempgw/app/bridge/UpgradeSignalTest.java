package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.app.mailbox.MailboxKeys;
import sempgw.core.crypto.RandomSource;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyId;
import sempgw.core.keys.UserEncryptionPrivateKey;

final class UpgradeSignalTest {
    private static final IdentityPrivateKey KEY = IdentityPrivateKey.generate(RandomSource.secure());
    private static final String FINGERPRINT = "ed25519:" + KeyId.of(KEY.publicKey().bytes()).hex();
    private static final MailboxIdentity ALICE = new MailboxIdentity(KEY, FINGERPRINT);

    @Test
    void fields_provisionedSenderAdvertising_allFourHeaders() {
        assertThat(new UpgradeSignal(keys(true), "Example.org", true).fields("alice@example.org")).containsExactly("SEMP-Capability: 1",
                "SEMP-Identity: " + FINGERPRINT, "SEMP-Domain: example.org", "SEMP-Address: alice@example.org");
    }

    @Test
    void fields_mailboxOptedOut_none() {
        assertThat(new UpgradeSignal(keys(false), "example.org", true).fields("alice@example.org")).isEmpty();
    }

    @Test
    void fields_switchedOffOrNullSenderOrUnknownSender_none() {
        assertThat(new UpgradeSignal(keys(true), "example.org", false).fields("alice@example.org")).isEmpty();
        assertThat(new UpgradeSignal(keys(true), "example.org", true).fields("")).isEmpty();
        assertThat(new UpgradeSignal(keys(true), "example.org", true).fields("bob@example.org")).isEmpty();
    }

    private static MailboxKeys keys(boolean advertises) {
        return new MailboxKeys() {
            @Override
            public Optional<MailboxIdentity> identity(String address) {
                return address.equals("alice@example.org") ? Optional.of(ALICE) : Optional.empty();
            }

            @Override
            public List<UserEncryptionPrivateKey> decryptionKeys(String address) {
                return List.of();
            }

            @Override
            public boolean provisioned(String address) {
                return address.equals("alice@example.org");
            }

            @Override
            public boolean advertises(String address) {
                return advertises && provisioned(address);
            }
        };
    }
}
