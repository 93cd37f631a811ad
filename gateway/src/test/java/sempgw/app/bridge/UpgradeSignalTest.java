package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.app.mailbox.MailboxKeys;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyId;
import sempgw.core.keys.UserEncryptionPrivateKey;

final class UpgradeSignalTest {
    private static final IdentityPrivateKey KEY = IdentityPrivateKey.generate(RandomSource.secure());
    private static final String FINGERPRINT = "ed25519:" + KeyId.of(KEY.publicKey().bytes()).hex();
    private static final MailboxIdentity ALICE = new MailboxIdentity(new SempAddress("alice", "example.org"), KEY, FINGERPRINT);

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

    @Test
    void read_allFourOnce_theClaimAsWritten() throws IOException {
        assertThat(UpgradeSignal.read(header("SEMP-Capability: 1\r\nsemp-identity: ed25519:ab\r\nSEMP-Domain: B.example\r\n"
                + "SEMP-Address: bob@b.example\r\n"))).contains(new UpgradeSignal.Claim("ed25519:ab", "B.example", "bob@b.example"));
    }

    @Test
    void read_capabilityNotOne_orAFieldMissing_orTwice_none() throws IOException {
        String rest = "SEMP-Identity: ed25519:ab\r\nSEMP-Domain: b.example\r\nSEMP-Address: bob@b.example\r\n";

        assertThat(UpgradeSignal.read(header("SEMP-Capability: 2\r\n" + rest))).isEmpty();
        assertThat(UpgradeSignal.read(header(rest))).isEmpty();
        assertThat(UpgradeSignal.read(header("SEMP-Capability: 1\r\nSEMP-Domain: b.example\r\nSEMP-Address: bob@b.example\r\n"))).isEmpty();
        assertThat(UpgradeSignal.read(header("SEMP-Capability: 1\r\n" + rest + "SEMP-Address: eve@b.example\r\n"))).isEmpty();
    }

    private static HeaderSection header(String fields) throws IOException {
        return HeaderSection.read(new ByteArrayInputStream((fields + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)));
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
