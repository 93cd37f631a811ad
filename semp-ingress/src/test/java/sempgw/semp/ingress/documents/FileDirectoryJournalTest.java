package sempgw.semp.ingress.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyRecordSignatures;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.RevocationReason;

final class FileDirectoryJournalTest {
    private final DocumentsFixture f = new DocumentsFixture();
    private final SempAddress alice = DocumentsFixture.address("alice@a.example");

    @Test
    void reopen_afterPublishAndRevoke_restoresKeysWithRevocationAndSignatures(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("user-keys.journal");
        PublishedKey revoked;
        try (FileDirectoryJournal journal = FileDirectoryJournal.open(file)) {
            InMemoryUserKeyDirectory d = new InMemoryUserKeyDirectory("a.example", f.signing, journal);
            d.provision(DocumentsFixture.address("bobby@a.example"));
            PublishedKey key = publish(d);
            revoked = d.revoke(alice, key.keyId(), RevocationReason.KEY_COMPROMISE, DocumentsFixture.NOW, Optional.empty());
            publish(d, IdentityPrivateKey.generate(RandomSource.secure()).publicKey().bytes());
        }

        try (FileDirectoryJournal reopened = FileDirectoryJournal.open(file)) {
            InMemoryUserKeyDirectory restored = new InMemoryUserKeyDirectory("a.example", f.signing, reopened);
            reopened.history().forEach(restored::replay);

            assertThat(reopened.history()).hasSize(4);
            assertThat(restored.keys(alice)).hasSize(2).first().isEqualTo(revoked);
            assertThat(restored.keys(alice)).allMatch(k -> KeyRecordSignatures.verify(k.record(), f.signing.publicKey()));
        }
    }

    @Test
    void open_tornLastLine_isCutOffAndAppendsContinueCleanly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("user-keys.journal");
        try (FileDirectoryJournal journal = FileDirectoryJournal.open(file)) {
            publish(new InMemoryUserKeyDirectory("a.example", f.signing, journal));
        }
        Files.write(file, "{\"address\":\"bo".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        try (FileDirectoryJournal journal = FileDirectoryJournal.open(file)) {
            assertThat(journal.history()).hasSize(1);
            journal.append(new DirectoryChange.Provisioned(DocumentsFixture.address("bobby@a.example")));
        }
        try (FileDirectoryJournal journal = FileDirectoryJournal.open(file)) {
            assertThat(journal.history()).hasSize(2).last().isInstanceOf(DirectoryChange.Provisioned.class);
        }
    }

    @Test
    void open_corruptLineInTheMiddle_refusesToStart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("user-keys.journal");
        Files.writeString(file, "{\"address\":\"alice@a.example\",\"change\":\"exploded\"}\n{\"address\":\"alice@a.example\",\"change\":\"provisioned\"}\n");

        assertThatThrownBy(() -> FileDirectoryJournal.open(file)).isInstanceOf(IOException.class).hasMessageContaining("refusing");
    }

    private PublishedKey publish(InMemoryUserKeyDirectory d) throws IOException {
        return publish(d, IdentityPrivateKey.generate(RandomSource.secure()).publicKey().bytes());
    }

    private PublishedKey publish(InMemoryUserKeyDirectory d, byte[] key) throws IOException {
        return d.publish(alice, KeyType.IDENTITY, "ed25519", key, DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW);
    }
}
