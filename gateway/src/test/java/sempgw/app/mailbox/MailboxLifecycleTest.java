package sempgw.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.RevocationReason;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.ingress.documents.PublishedKey;

/** Rotation, removal and crash repair (KEY.md §7.2, §8), seen through the store and the published directory. */
final class MailboxLifecycleTest {
    static final String ALICE = "alice@example.org";

    @TempDir
    Path dir;
    StoreFixture fx;

    @BeforeEach
    void open() throws Exception {
        fx = new StoreFixture(dir.resolve("data"));
        fx.open();
        fx.store.add(StoreFixture.address(ALICE));
    }

    @AfterEach
    void close() throws IOException {
        fx.close();
    }

    @Test
    void rotate_newKeysCurrent_oldIdentityRevokedSuperseded_oldEncryptionStillDecrypts() throws Exception {
        MailboxIdentity before = fx.store.identity(ALICE).orElseThrow();
        List<UserEncryptionPrivateKey> oldKeys = fx.store.decryptionKeys(ALICE);
        fx.clock.advance(Duration.ofHours(1));

        Mailbox rotated = fx.store.rotate(StoreFixture.address(ALICE));

        MailboxIdentity after = fx.store.identity(ALICE).orElseThrow();
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(before.key().isDestroyed()).as("old identity key erased").isTrue();
        List<UserEncryptionPrivateKey> now = fx.store.decryptionKeys(ALICE);
        assertThat(now).hasSize(4).containsAll(oldKeys);
        assertThat(now.subList(0, 2)).as("current keys first").containsExactlyInAnyOrderElementsOf(current(rotated));
        assertThat(oldKeys).noneMatch(UserEncryptionPrivateKey::isDestroyed);

        Map<String, PublishedKey> published = byId(fx.published(ALICE));
        assertThat(published).hasSize(6);
        assertRevoked(published.get(before.fingerprint().substring(8)), "superseded", Optional.of(after.fingerprint().substring(8)));
        for (UserEncryptionPrivateKey old : oldKeys) {
            String replacement = current(rotated).stream().filter(k -> k.suite() == old.suite()).findFirst().orElseThrow().keyId().hex();
            assertRevoked(published.get(old.keyId().hex()), "superseded", Optional.of(replacement));
        }
        assertThat(published.get(after.fingerprint().substring(8)).revoked()).isFalse();
    }

    @Test
    void rotate_retiredKeysDecryptForFourteenDays_thenSweepErasesThem() throws Exception {
        List<UserEncryptionPrivateKey> oldKeys = fx.store.decryptionKeys(ALICE);
        fx.store.rotate(StoreFixture.address(ALICE));

        fx.clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertThat(fx.store.decryptionKeys(ALICE)).hasSize(4);
        fx.clock.advance(Duration.ofSeconds(1));
        assertThat(fx.store.decryptionKeys(ALICE)).hasSize(2).doesNotContainAnyElementsOf(oldKeys);

        assertThat(fx.store.sweep()).isEqualTo(1);

        assertThat(oldKeys).allMatch(UserEncryptionPrivateKey::isDestroyed);
        assertThat(fx.store.find(ALICE).orElseThrow().decryption()).hasSize(2);
        fx.reopen();
        assertThat(fx.store.find(ALICE).orElseThrow().keys()).filteredOn(k -> k.state() instanceof KeyState.Revoked).hasSize(3);
        assertThat(fx.published(ALICE)).filteredOn(PublishedKey::revoked).hasSize(3);
    }

    @Test
    void rotate_twice_keepsBothGenerationsOfRetiredKeys() throws Exception {
        fx.store.rotate(StoreFixture.address(ALICE));
        fx.clock.advance(Duration.ofDays(1));
        fx.store.rotate(StoreFixture.address(ALICE));

        fx.reopen();

        assertThat(fx.store.decryptionKeys(ALICE)).hasSize(6);
        assertThat(fx.published(ALICE)).hasSize(9).filteredOn(PublishedKey::revoked).hasSize(6);
    }

    @Test
    void remove_revokesEveryKeyForever_unprovisions_deletesPrivateKeys() throws Exception {
        fx.store.rotate(StoreFixture.address(ALICE));
        List<UserEncryptionPrivateKey> keys = fx.store.decryptionKeys(ALICE);
        IdentityPrivateKey identity = fx.store.identity(ALICE).orElseThrow().key();

        fx.store.remove(StoreFixture.address(ALICE));

        assertThat(fx.store.provisioned(ALICE)).isFalse();
        assertThat(fx.store.identity(ALICE)).isEmpty();
        assertThat(keys).allMatch(UserEncryptionPrivateKey::isDestroyed);
        assertThat(identity.isDestroyed()).isTrue();
        assertThat(fx.dataDir.resolve("mailboxes").resolve(MailboxFiles.fileName(StoreFixture.address(ALICE)))).doesNotExist();
        fx.reopen();
        assertThat(fx.store.provisioned(ALICE)).isFalse();
        Map<String, PublishedKey> published = byId(fx.published(ALICE));
        assertThat(published.values()).hasSize(6).allMatch(PublishedKey::revoked);
        assertRevoked(published.get(identity.keyId().hex()), "cessation_of_operation", Optional.empty());
    }

    @Test
    void remove_thenAddAgain_freshKeysBesideTheRevokedOnes() throws Exception {
        fx.store.remove(StoreFixture.address(ALICE));

        fx.store.add(StoreFixture.address(ALICE));

        assertThat(fx.published(ALICE)).hasSize(6).filteredOn(p -> !p.revoked()).hasSize(3);
    }

    @Test
    void open_tombstoneLeftByACrash_finishesTheRemoval() throws Exception {
        Mailbox m = fx.store.find(ALICE).orElseThrow();
        new MailboxFiles(fx.lock.dir(), fx.lock.agentKeyFile()).write(m.removed(fx.clock.instant()));

        fx.reopen();

        assertThat(fx.store.provisioned(ALICE)).isFalse();
        assertThat(fx.published(ALICE)).hasSize(3).allMatch(PublishedKey::revoked);
        assertThat(fx.dataDir.resolve("mailboxes").resolve(MailboxFiles.fileName(StoreFixture.address(ALICE)))).doesNotExist();
    }

    @Test
    void open_publishedKeyTheMailboxDoesNotKnow_revokedAsOrphan() throws Exception {
        IdentityPrivateKey stray = IdentityPrivateKey.generate(RandomSource.secure());
        fx.directory.publish(StoreFixture.address(ALICE), KeyType.IDENTITY, "ed25519", stray.publicKey().bytes(), fx.clock.instant(),
                fx.clock.instant().plus(Duration.ofDays(1)), fx.clock.instant());

        fx.reopen();

        assertRevoked(byId(fx.published(ALICE)).get(stray.keyId().hex()), "cessation_of_operation", Optional.empty());
        assertThat(fx.published(ALICE)).filteredOn(p -> !p.revoked()).hasSize(3);
    }

    @Test
    void open_currentKeyRevokedInTheDirectory_droppedUntilRotated() throws Exception {
        String identity = fx.store.identity(ALICE).orElseThrow().key().keyId().hex();
        fx.directory.revoke(StoreFixture.address(ALICE), identity, RevocationReason.KEY_COMPROMISE, fx.clock.instant(), Optional.empty());

        fx.reopen();

        assertThat(fx.store.identity(ALICE)).isEmpty();
        assertThat(fx.store.find(ALICE).orElseThrow().keys().getFirst().state())
                .isEqualTo(new KeyState.Revoked(fx.clock.instant(), RevocationReason.KEY_COMPROMISE, Optional.empty()));
        fx.store.rotate(StoreFixture.address(ALICE));
        assertThat(fx.store.identity(ALICE)).isPresent();
    }

    private static List<UserEncryptionPrivateKey> current(Mailbox m) {
        return m.keys().stream().filter(MailboxKey::isCurrent).filter(k -> k.type() == KeyType.ENCRYPTION)
                .map(k -> m.decryption().get(k.keyId())).toList();
    }

    private static Map<String, PublishedKey> byId(List<PublishedKey> keys) {
        return keys.stream().collect(Collectors.toMap(PublishedKey::keyId, k -> k));
    }

    private static void assertRevoked(PublishedKey key, String reason, Optional<String> replacement) {
        assertThat(key.revoked()).isTrue();
        JsonObject revocation = (JsonObject) key.record().getOrNull("revocation");
        assertThat(revocation.getOrNull("reason")).isEqualTo(new JsonString(reason));
        assertThat(Optional.ofNullable(revocation.getOrNull("replacement_key_id")).map(v -> ((JsonString) v).value())).isEqualTo(replacement);
    }
}
