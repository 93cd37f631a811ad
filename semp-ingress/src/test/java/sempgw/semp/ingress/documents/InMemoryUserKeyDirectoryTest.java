package sempgw.semp.ingress.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.RevocationReason;

final class InMemoryUserKeyDirectoryTest {
    private static final Instant LATER = DocumentsFixture.NOW.plusSeconds(3600);
    private final DocumentsFixture f = new DocumentsFixture();
    private final SempAddress alice = DocumentsFixture.address("alice@a.example");
    private final byte[] identity = IdentityPrivateKey.generate(RandomSource.secure()).publicKey().bytes();

    @Test
    void journal_recordsEveryChange_andReplayRestoresTheSameDirectory() throws IOException {
        List<DirectoryChange> journal = new ArrayList<>();
        InMemoryUserKeyDirectory d = new InMemoryUserKeyDirectory("a.example", f.signing, journal::add);
        d.provision(DocumentsFixture.address("bobby@a.example"));
        PublishedKey key = publish(d);
        d.revoke(alice, key.keyId(), RevocationReason.KEY_COMPROMISE, LATER, Optional.empty());

        InMemoryUserKeyDirectory restored = new InMemoryUserKeyDirectory("a.example", f.signing, DirectoryJournal.volatileOnly());
        journal.forEach(restored::replay);

        assertThat(journal).hasSize(3).extracting(c -> c.getClass().getSimpleName()).containsExactly("Provisioned", "Published", "Revoked");
        assertThat(restored.keys(alice)).isEqualTo(d.keys(alice)).singleElement().matches(PublishedKey::revoked);
    }

    @Test
    void publish_journalFails_changeIsNotApplied() {
        InMemoryUserKeyDirectory d = new InMemoryUserKeyDirectory("a.example", f.signing, change -> {
            throw new IOException("disk full");
        });

        assertThatThrownBy(() -> publish(d)).isInstanceOf(IOException.class);
        assertThat(d.keys(alice)).isEmpty();
    }

    @Test
    void revoke_twice_keepsTheFirstRevocationForever() throws IOException {
        PublishedKey key = publish(f.directory);
        PublishedKey first = f.directory.revoke(alice, key.keyId(), RevocationReason.SUPERSEDED, LATER, Optional.empty());

        PublishedKey second = f.directory.revoke(alice, key.keyId(), RevocationReason.KEY_COMPROMISE, LATER.plusSeconds(60), Optional.empty());

        assertThat(second).isEqualTo(first);
        assertThat(f.directory.keys(alice)).containsExactly(first);
    }

    @Test
    void publish_otherDomainWrongLengthDuplicateOrDeviceKey_isRefused() throws IOException {
        publish(f.directory);

        assertThatThrownBy(() -> f.directory.publish(DocumentsFixture.address("alice@b.example"), KeyType.IDENTITY, "ed25519",
                identity, DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.directory.publish(alice, KeyType.ENCRYPTION, "x25519", new byte[31],
                DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.directory.publish(alice, KeyType.ENCRYPTION, "rsa", new byte[32],
                DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> publish(f.directory)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.directory.publish(alice, KeyType.DEVICE, "ed25519", new byte[32],
                DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.directory.revoke(alice, "0".repeat(64), RevocationReason.SUPERSEDED, LATER, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.directory.keys(alice)).hasSize(1);
    }

    private PublishedKey publish(InMemoryUserKeyDirectory d) throws IOException {
        return d.publish(alice, KeyType.IDENTITY, "ed25519", identity, DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW);
    }
}
