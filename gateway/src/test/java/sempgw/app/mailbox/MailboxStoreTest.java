package sempgw.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonString;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.ingress.documents.PublishedKey;

/** The store across restarts: what is kept, what is refused, what it does to the files. */
final class MailboxStoreTest {
    @TempDir
    Path dir;
    StoreFixture fx;

    @BeforeEach
    void open() throws IOException {
        fx = new StoreFixture(dir.resolve("data"));
        fx.open();
    }

    @AfterEach
    void close() throws IOException {
        fx.close();
    }

    @Test
    void open_firstTime_createsAgentKey0600AndPrivateDirectory() {
        assertThat(mode(fx.dataDir.resolve("agent.key"))).isEqualTo("rw-------");
        assertThat(fx.dataDir.resolve("agent.key")).hasSize(32);
        assertThat(mode(fx.dataDir.resolve("mailboxes"))).isEqualTo("rwx------");
        assertThat(fx.store.list()).isEmpty();
    }

    @Test
    void add_thenReopen_sameKeysThatStillSignAndDecrypt() throws Exception {
        Mailbox added = fx.store.add(StoreFixture.address("alice@example.org"));
        MailboxIdentity identity = fx.store.identity("alice@example.org").orElseThrow();
        byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = identity.key().sign(SignatureContext.ENVELOPE, message);
        SecretBytes secret = SecretBytes.random(32, RandomSource.secure());
        byte[] wrapped = fx.store.decryptionKeys("alice@example.org").getFirst().publicKey().wrap(secret, RandomSource.secure());

        fx.reopen();

        assertThat(fx.store.list()).singleElement().satisfies(m -> assertThat(m.keys()).isEqualTo(added.keys()));
        MailboxIdentity again = fx.store.identity("ALICE@Example.org").orElseThrow();
        assertThat(again.fingerprint()).isEqualTo(identity.fingerprint()).startsWith("ed25519:").hasSize(8 + 64);
        assertThat(again.key().publicKey().verify(SignatureContext.ENVELOPE, message, signature)).isTrue();
        List<UserEncryptionPrivateKey> keys = fx.store.decryptionKeys("alice@example.org");
        assertThat(keys).extracting(UserEncryptionPrivateKey::suite).containsExactlyInAnyOrder(SuiteId.values());
        assertThat(keys.stream().anyMatch(k -> unwraps(k, wrapped, secret))).isTrue();
        assertThat(fx.store.advertises("alice@example.org")).isTrue();
    }

    @Test
    void add_filesOwnerOnly_andNoPrivateKeyByteOnDisk() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));
        fx.store.add(StoreFixture.address("bob@example.org"));
        List<byte[]> secrets = PrivateBytes.of(fx.store);
        try (var files = Files.walk(fx.dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.equals(fx.journalFile())) {
                    assertThat(mode(f)).as("mode of %s", f).isEqualTo("rw-------");
                }
                byte[] content = Files.readAllBytes(f);
                for (byte[] secret : secrets) {
                    assertThat(PrivateBytes.contains(content, secret)).as("a private key in %s", f).isFalse();
                }
            }
        }
        try (var names = Files.list(fx.dataDir.resolve("mailboxes"))) {
            assertThat(names.map(p -> p.getFileName().toString())).allMatch(n -> n.equals(".lock") || n.matches("[0-9a-f]{64}\\.mailbox"))
                    .noneMatch(n -> n.contains("alice"));
        }
        assertThat(secrets).hasSize(6);
    }

    @Test
    void open_wrongAgentKey_failsClosedNamingIt() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));
        fx.close();
        Path key = fx.dataDir.resolve("agent.key");
        Files.write(key, RandomSource.secure().bytes(32));

        assertThatThrownBy(fx::open).isInstanceOf(IOException.class)
                .hasMessageContaining("fails authentication: it was altered or damaged, or was written under another agent key file");
        assertThat(MailboxLock.acquire(fx.dataDir)).as("the lock was released").isNotNull().satisfies(MailboxLock::close);
    }

    @Test
    void open_agentKeyMissingWhileMailboxesExist_refusesAndDoesNotReplaceIt() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));
        fx.close();
        Files.delete(fx.dataDir.resolve("agent.key"));

        assertThatThrownBy(fx::open).isInstanceOf(IOException.class).hasMessageContaining("is missing").hasMessageContaining("Restore it from backup");
        assertThat(fx.dataDir.resolve("agent.key")).doesNotExist();
    }

    @Test
    void open_agentKeyReadableByGroup_refused() throws Exception {
        fx.close();
        Files.setPosixFilePermissions(fx.dataDir.resolve("agent.key"), PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(fx::open).isInstanceOf(IOException.class).hasMessageContaining("is accessible by group or others");
    }

    @Test
    void open_mailboxFileMovedToAnotherName_refused() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));
        fx.close();
        Path mailboxes = fx.dataDir.resolve("mailboxes");
        Path file = mailboxes.resolve(MailboxFiles.fileName(StoreFixture.address("alice@example.org")));
        Files.move(file, mailboxes.resolve(MailboxFiles.fileName(StoreFixture.address("mallory@example.org"))));

        assertThatThrownBy(fx::open).isInstanceOf(IOException.class).hasMessageContaining("holds the keys of another mailbox");
    }

    @Test
    void lock_heldByAnOpenStore_secondAcquireIsBusy() {
        assertThatThrownBy(() -> MailboxLock.acquire(fx.dataDir)).isInstanceOf(MailboxLock.Busy.class).hasMessageContaining("is in use");
    }

    @Test
    void add_elsewhereOrTwiceInAnyCase_refused() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));

        assertThatThrownBy(() -> fx.store.add(StoreFixture.address("bob@example.net"))).isInstanceOf(MailboxRefused.class)
                .hasMessage("bob@example.net is not at example.org (semp.domain)");
        assertThatThrownBy(() -> fx.store.add(MailboxAddresses.parse("Alice@EXAMPLE.org"))).isInstanceOf(MailboxRefused.class)
                .hasMessage("alice@example.org is already provisioned");
    }

    @Test
    void add_publishesSignedIdentityAndEncryptionKeys() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));

        List<PublishedKey> published = fx.published("alice@example.org");
        assertThat(published).extracting(PublishedKey::type).containsExactly(KeyType.IDENTITY, KeyType.ENCRYPTION, KeyType.ENCRYPTION);
        assertThat(published).noneMatch(PublishedKey::revoked).allMatch(p -> p.record().has("signatures"));
        assertThat(published.getFirst().keyId()).isEqualTo(fx.store.identity("alice@example.org").orElseThrow().fingerprint().substring(8));
        assertThat(published.stream().map(p -> ((JsonString) p.record().getOrNull("algorithm")).value()))
                .containsExactly("ed25519", "x25519-chacha20-poly1305", "pq-kyber768-x25519");
    }

    @Test
    void reopen_publicationsAlreadyJournaled_journalDoesNotGrow() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));
        fx.store.rotate(StoreFixture.address("alice@example.org"));
        long size = Files.size(fx.journalFile());

        fx.reopen();
        fx.reopen();

        assertThat(Files.size(fx.journalFile())).isEqualTo(size);
        assertThat(fx.published("alice@example.org")).hasSize(6);
    }

    @Test
    void reopen_journalLostThePublications_publishesAgain() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));
        fx.close();
        Files.delete(fx.journalFile());

        fx.open();

        assertThat(fx.published("alice@example.org")).hasSize(3).noneMatch(PublishedKey::revoked);
    }

    @Test
    void advertise_off_survivesRestart() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));
        fx.store.advertise(StoreFixture.address("alice@example.org"), false);

        fx.reopen();

        assertThat(fx.store.advertises("alice@example.org")).isFalse();
        assertThat(fx.store.provisioned("alice@example.org")).isTrue();
        assertThat(fx.store.advertises("nobody@example.org")).isFalse();
    }

    @Test
    void identity_addressSpelledOtherwise_namesTheMailboxAsStored() throws Exception {
        fx.store.add(StoreFixture.address("alice@example.org"));

        assertThat(fx.store.identity("ALICE@Example.ORG").orElseThrow().address()).hasToString("alice@example.org");
    }

    @Test
    void readSide_notAnAddress_notProvisioned() {
        assertThat(fx.store.provisioned("not an address")).isFalse();
        assertThat(fx.store.identity("@example.org")).isEmpty();
        assertThat(fx.store.decryptionKeys("")).isEmpty();
    }

    static boolean unwraps(UserEncryptionPrivateKey key, byte[] wrapped, SecretBytes expected) {
        try {
            return key.unwrap(wrapped).equalsSecret(expected);
        } catch (Exception e) {
            return false;
        }
    }

    static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
