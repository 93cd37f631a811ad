package sempgw.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.crypto.SuiteId;

/** The session record, its expiry and transition window (SESSION.md §2.3-§2.5, §3.4-§3.5; VECTORS.md §9). */
final class SessionTest {
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    static SessionKeys keys(int seed) {
        Random r = new Random(seed);
        SecretBytes[] k = new SecretBytes[5];
        for (int i = 0; i < 5; i++) {
            byte[] b = new byte[32];
            r.nextBytes(b);
            k[i] = SecretBytes.copyOf(b);
        }
        return new SessionKeys(k[0], k[1], k[2], k[3], k[4]);
    }

    static Session session(Duration ttl) {
        return Session.establish(Session.Kind.FEDERATION, Session.Side.RESPONDER, "01OLD", "a.example",
                SuiteId.X25519_CHACHA20_POLY1305, keys(1), T0, ttl, Session.Terms.NONE);
    }

    @Test
    void establish_ttl_setsExpiryAndRekeyPointAtEightyPercent() {
        Session s = session(Duration.ofSeconds(300));
        assertThat(s.expiresAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(s.isExpired(T0.plusSeconds(299))).isFalse();
        assertThat(s.isExpired(T0.plusSeconds(300))).isTrue();
        assertThat(s.rekeyDue(T0.plusSeconds(239))).isFalse();
        assertThat(s.rekeyDue(T0.plusSeconds(240))).isTrue();
        assertThat(s.toString()).contains("01OLD", "a.example").doesNotContain("SecretBytes[");
        assertThatThrownBy(() -> session(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopeMacKey_currentIdUntilExpiry_otherIdsNever() {
        Session s = session(Duration.ofSeconds(300));
        assertThat(s.envelopeMacKey("01OLD", T0.plusSeconds(10))).containsSame(s.keys().envMac());
        assertThat(s.envelopeMacKey("01OTHER", T0.plusSeconds(10))).isEmpty();
        assertThat(s.envelopeMacKey("01OLD", T0.plusSeconds(300))).isEmpty();
    }

    @Test
    void applyRekey_oldIdValidForFiveSecondsOnly_otherOldKeysZeroedAtOnce() {
        Session s = session(Duration.ofSeconds(300));
        SessionKeys old = s.keys();
        Instant at = T0.plusSeconds(240);
        s.applyRekey("01NEW", keys(2), at);

        assertThat(s.id()).isEqualTo("01NEW");
        assertThat(s.expiresAt()).isEqualTo(at.plusSeconds(300));
        assertThat(s.establishedAt()).isEqualTo(T0);
        assertThat(old.encC2s().isDestroyed()).isTrue();
        assertThat(old.macS2c().isDestroyed()).isTrue();
        assertThat(s.envelopeMacKey("01OLD", at.plusSeconds(4))).containsSame(old.envMac());
        assertThat(s.envelopeMacKey("01OLD", at.plus(Session.TRANSITION_WINDOW))).isEmpty();
        assertThat(s.envelopeMacKey("01NEW", at.plusSeconds(4))).containsSame(s.keys().envMac());
        s.sweep(at.plusSeconds(4));
        assertThat(old.envMac().isDestroyed()).isFalse();
        s.sweep(at.plusSeconds(5));
        assertThat(old.envMac().isDestroyed()).isTrue();
    }

    @Test
    void destroy_zeroesEveryKey_sessionUnusable() {
        Session s = session(Duration.ofSeconds(300));
        SessionKeys k = s.keys();
        s.applyRekey("01NEW", keys(3), T0.plusSeconds(100));
        SessionKeys current = s.keys();
        s.destroy();
        assertThat(k.envMac().isDestroyed()).isTrue();
        assertThat(current.envMac().isDestroyed()).isTrue();
        assertThat(current.encC2s().isDestroyed()).isTrue();
        assertThat(s.envelopeMacKey("01NEW", T0.plusSeconds(101))).isEmpty();
        assertThatThrownBy(s::keys).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rekeyLimits_vector93_expiredTooSoonAndEleventhRefused() {
        Session s = session(Duration.ofHours(1));
        assertThat(RekeyLimits.refusal(s, T0.plusSeconds(1))).isEmpty();
        Instant t = T0;
        for (int i = 1; i <= RekeyLimits.MAX_REKEYS; i++) {
            t = t.plusSeconds(60);
            assertThat(RekeyLimits.refusal(s, t)).isEmpty();
            s.applyRekey("01R" + i, keys(10 + i), t);
            assertThat(RekeyLimits.refusal(s, t.plusSeconds(59))).contains(SempReason.RATE_LIMITED);
        }
        assertThat(RekeyLimits.refusal(s, t.plusSeconds(600))).contains(SempReason.RATE_LIMITED);
        Session expired = session(Duration.ofSeconds(60));
        assertThat(RekeyLimits.refusal(expired, T0.plusSeconds(60))).contains(SempReason.SESSION_EXPIRED);
    }

    @Test
    void collision_lowerSessionIdAbandoned_bothSidesAgree() {
        assertThat(SessionCollision.survivor("01B", "01A")).isEqualTo("01B");
        assertThat(SessionCollision.survivor("01A", "01B")).isEqualTo("01B");
        assertThat(SessionCollision.abandons("01A", "01B")).isTrue();
        assertThat(SessionCollision.abandons("01B", "01A")).isFalse();
        assertThat(SessionCollision.survivor("\uff61", "\ud83d\ude00")).isEqualTo("\ud83d\ude00");
    }

    @Test
    void ulid_timeAndRandom_formatAndOrder() {
        Random r = new Random(5);
        String a = SessionIds.newUlid(Instant.ofEpochMilli(1_469_918_176_385L), r::nextBytes);
        assertThat(a).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}").startsWith("01ARYZ6S41");
        String b = SessionIds.newUlid(Instant.ofEpochMilli(1_469_918_176_386L), r::nextBytes);
        assertThat(a.compareTo(b)).isNegative();
        assertThat(SessionIds.newUlid(T0, out -> java.util.Arrays.fill(out, (byte) 0xff))).endsWith("ZZZZZZZZZZZZZZZZ");
    }
}
