package sempgw.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.KeyType;

/** The mailbox value: its invariants and its pure changes. */
final class MailboxTest {
    static final Instant T = Instant.parse("2026-11-26T10:00:00.750Z");

    static Mailbox fresh() {
        return Mailbox.fresh(StoreFixture.address("alice@example.org"), MailboxPolicy.DEFAULTS, T, RandomSource.secure());
    }

    @Test
    void fresh_oneIdentityAndOneEncryptionKeyPerSuite_createdToTheSecondValidAYear() {
        Mailbox m = fresh();

        assertThat(m.keys()).extracting(MailboxKey::type).containsExactly(KeyType.IDENTITY, KeyType.ENCRYPTION, KeyType.ENCRYPTION);
        assertThat(m.keys()).extracting(MailboxKey::algorithm).containsExactly("ed25519", SuiteId.X25519_CHACHA20_POLY1305.wireName(),
                SuiteId.PQ_KYBER768_X25519.wireName());
        assertThat(m.keys()).allMatch(k -> k.created().equals(Instant.parse("2026-11-26T10:00:00Z")))
                .allMatch(k -> k.expires().equals(Instant.parse("2027-11-26T10:00:00Z")));
        assertThat(m.advertise()).isTrue();
        assertThat(m.toString()).isEqualTo("Mailbox[alice@example.org, 3 keys, redacted]");
    }

    @Test
    void construct_privateKeysNotMatchingTheKeyList_rejected() {
        Mailbox m = fresh();

        assertThatThrownBy(() -> new Mailbox(m.address(), true, false, m.keys(), Optional.empty(), m.decryption()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mailbox(m.address(), true, false, m.keys(), m.identity(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mailbox(m.address(), true, true, m.keys(), m.identity(), m.decryption()))
                .as("a tombstone holds no private key").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void destroyKeysNotIn_rotated_destroysOnlyTheOldIdentity() {
        Mailbox m = fresh();
        Mailbox next = m.rotated(MailboxPolicy.DEFAULTS, T, RandomSource.secure());

        m.destroyKeysNotIn(next);

        assertThat(m.identity().orElseThrow().isDestroyed()).isTrue();
        assertThat(m.decryption().values()).noneMatch(k -> k.isDestroyed());
        assertThat(next.decryptionKeys(T)).hasSize(4);
    }

    @Test
    void swept_insideTheWindow_unchanged_afterIt_revokedSuperseded() {
        Mailbox next = fresh().rotated(MailboxPolicy.DEFAULTS, T, RandomSource.secure());

        assertThat(next.swept(T.plus(Duration.ofDays(13)))).isSameAs(next);
        Mailbox swept = next.swept(T.plus(Duration.ofDays(14)));

        assertThat(swept.decryption()).hasSize(2);
        assertThat(swept.keys()).filteredOn(k -> k.type() == KeyType.ENCRYPTION && !k.isCurrent())
                .allSatisfy(k -> assertThat(k.state()).isInstanceOfSatisfying(KeyState.Revoked.class,
                        r -> assertThat(r.replacementKeyId()).isPresent()));
    }

    @Test
    void policy_withoutPq_rotationReplacesThePqKeyWithTheRemainingSuite() {
        MailboxPolicy x25519Only = new MailboxPolicy(Duration.ofDays(365), Duration.ofDays(14), java.util.List.of(SuiteId.X25519_CHACHA20_POLY1305));

        Mailbox next = fresh().rotated(x25519Only, T, RandomSource.secure());

        String newKey = next.keys().getLast().keyId();
        assertThat(next.keys()).filteredOn(k -> k.state() instanceof KeyState.Retired)
                .extracting(k -> ((KeyState.Retired) k.state()).replacementKeyId()).containsExactly(newKey, newKey);
    }
}
