package sempgw.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.RandomSource;

final class MailboxCodecTest {
    static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    static Mailbox history() {
        Mailbox m = Mailbox.fresh(StoreFixture.address("alice@example.org"), MailboxPolicy.DEFAULTS, T, RandomSource.secure());
        m = m.rotated(MailboxPolicy.DEFAULTS, T.plus(Duration.ofDays(1)), RandomSource.secure());
        m = m.rotated(MailboxPolicy.DEFAULTS, T.plus(Duration.ofDays(20)), RandomSource.secure()).swept(T.plus(Duration.ofDays(20)));
        return m.withAdvertise(false);
    }

    @Test
    void encodeDecode_everyStateAndFlag_roundTrips() throws IOException {
        Mailbox m = history();

        Mailbox back = MailboxCodec.decode(MailboxCodec.encode(m), "test");

        assertThat(back.address()).isEqualTo(m.address());
        assertThat(back.advertise()).isFalse();
        assertThat(back.removing()).isFalse();
        assertThat(back.keys()).isEqualTo(m.keys());
        assertThat(back.keys()).extracting(k -> k.state().getClass().getSimpleName())
                .containsExactly("Revoked", "Revoked", "Revoked", "Revoked", "Retired", "Retired", "Current", "Current", "Current");
        assertThat(back.identity().orElseThrow().publicKey()).isEqualTo(m.identity().orElseThrow().publicKey());
        assertThat(back.decryption()).containsOnlyKeys(m.decryption().keySet());
        back.decryption().forEach((id, k) -> assertThat(k.exportInsecure(InsecureSecretAccess.get()))
                .isEqualTo(m.decryption().get(id).exportInsecure(InsecureSecretAccess.get())));
    }

    @Test
    void encodeDecode_tombstone_roundTripsWithoutPrivateKeys() throws IOException {
        Mailbox tombstone = history().removed(T.plus(Duration.ofDays(30)));

        Mailbox back = MailboxCodec.decode(MailboxCodec.encode(tombstone), "test");

        assertThat(back.removing()).isTrue();
        assertThat(back.identity()).isEmpty();
        assertThat(back.decryption()).isEmpty();
        assertThat(back.keys()).allMatch(k -> k.state() instanceof KeyState.Revoked);
    }

    @Test
    void decode_identitySeedOfAnotherKey_refused() {
        Mailbox a = Mailbox.fresh(StoreFixture.address("a@example.org"), MailboxPolicy.DEFAULTS, T, RandomSource.secure());
        byte[] seed = a.identity().orElseThrow().exportSeedInsecure(InsecureSecretAccess.get());
        byte[] plain = MailboxCodec.encode(a);
        int at = indexOf(plain, seed);
        System.arraycopy(RandomSource.secure().bytes(32), 0, plain, at, 32);

        assertThatThrownBy(() -> MailboxCodec.decode(plain, "mailbox key file F")).isInstanceOf(IOException.class)
                .hasMessage("mailbox key file F holds a private key that does not match its public key");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void decode_truncatedOrTrailingOrOtherVersion_refused() {
        byte[] good = MailboxCodec.encode(history());

        assertThatThrownBy(() -> MailboxCodec.decode(Arrays.copyOf(good, good.length - 1), "F")).isInstanceOf(IOException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> MailboxCodec.decode(Arrays.copyOf(good, good.length + 1), "F")).isInstanceOf(IOException.class)
                .hasMessage("F is malformed: trailing bytes");
        byte[] v2 = good.clone();
        v2[0] = 2;
        assertThatThrownBy(() -> MailboxCodec.decode(v2, "F")).isInstanceOf(IOException.class).hasMessageContaining("content version 2");
    }
}
