package sempgw.semp.ingress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.federation.FederationFixture.NOW;
import static sempgw.semp.ingress.federation.FederationFixture.session;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.session.Session;

/** One session per peer, collisions, caps, expiry, retired ids, key erasure. */
final class SessionTableTest {
    private static final String LOW = "01JAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String HIGH = "01JBBBBBBBBBBBBBBBBBBBBBBB";
    private static final Duration HOUR = Duration.ofHours(1);

    private final SessionTable table = new SessionTable(FederationLimits.DEFAULTS.withMaxSessions(2), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void register_higherIdReplacesLower_lowerIsInvalidatedAndZeroed() {
        Session low = session(LOW, "a.example", NOW, HOUR);
        Session high = session(HIGH, "A.example", NOW, HOUR);
        assertThat(table.register(low, NOW)).isInstanceOf(SessionTable.Registered.class);

        assertThat(table.register(high, NOW)).isEqualTo(new SessionTable.Registered(java.util.Optional.of(LOW)));

        assertThat(table.find(HIGH)).isInstanceOf(SessionState.Active.class);
        assertThat(table.find(LOW)).isInstanceOf(SessionState.Invalidated.class);
        assertThat(low.envelopeMacKey(LOW, NOW)).isEmpty();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void register_lowerIdWhileHigherIsLive_refusedAndZeroedHigherKept() {
        Session high = session(HIGH, "a.example", NOW, HOUR);
        Session low = session(LOW, "a.example", NOW, HOUR);
        table.register(high, NOW);

        assertThat(table.register(low, NOW)).isInstanceOf(SessionTable.Refused.class);

        assertThat(table.find(HIGH)).isInstanceOf(SessionState.Active.class);
        assertThat(table.find(LOW)).isInstanceOf(SessionState.Invalidated.class);
        assertThat(low.envelopeMacKey(LOW, NOW)).isEmpty();
    }

    @Test
    void proceed_lowerThanAReservedOrLiveId_losesTheCollision() {
        assertThat(table.proceed("a.example", HIGH, NOW)).isTrue();
        assertThat(table.proceed("a.example", LOW, NOW)).isFalse();
        table.release("a.example", HIGH);
        assertThat(table.proceed("a.example", LOW, NOW)).isTrue();

        table.register(session(HIGH, "a.example", NOW, HOUR), NOW);
        assertThat(table.proceed("a.example", LOW, NOW)).isFalse();
    }

    @Test
    void proceed_reservationsCountAgainstTheCapUntilTheHandshakeTimeout() {
        table.register(session(LOW, "a.example", NOW, HOUR), NOW);
        assertThat(table.proceed("c.example", HIGH, NOW)).isTrue();

        assertThat(table.hasRoomFor("d.example", NOW)).isFalse();
        assertThat(table.proceed("d.example", HIGH, NOW)).isFalse();
        assertThat(table.hasRoomFor("a.example", NOW)).as("the holder may re-handshake").isTrue();
        assertThat(table.hasRoomFor("d.example", NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void register_atTheCap_refusesANewPeer() {
        table.register(session(LOW, "a.example", NOW, HOUR), NOW);
        table.register(session(LOW + "1", "c.example", NOW, HOUR), NOW);

        assertThat(table.register(session(HIGH, "d.example", NOW, HOUR), NOW)).isInstanceOf(SessionTable.Refused.class);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void expiry_sweepRetiresAsExpiredZeroesKeysAndFreesTheSlot() {
        Session s = session(LOW, "a.example", NOW, HOUR);
        SessionKeys keys = s.keys();
        table.register(s, NOW);
        assertThat(table.state(LOW, NOW.plus(HOUR).minusMillis(1))).isInstanceOf(SessionState.Active.class);

        table.sweep(NOW.plus(HOUR));

        assertThat(table.state(LOW, NOW.plus(HOUR))).isInstanceOf(SessionState.Expired.class);
        assertThat(List.of(keys.envMac(), keys.encC2s(), keys.encS2c(), keys.macC2s(), keys.macS2c()))
                .allMatch(SecretBytes::isDestroyed);
        assertThat(table.size()).isZero();
    }

    @Test
    void expiry_lookupPastExpiresAtWithoutASweep_isExpiredAndZeroes() {
        Session s = session(LOW, "a.example", NOW, HOUR);
        SessionKeys keys = s.keys();
        table.register(s, NOW);

        assertThat(table.state(LOW, NOW.plus(HOUR))).isInstanceOf(SessionState.Expired.class);
        assertThat(keys.macS2c().isDestroyed()).isTrue();
    }

    @Test
    void retiredIds_rememberedForTheWindowThenUnknown() {
        table.register(session(LOW, "a.example", NOW, HOUR), NOW);
        table.sweep(NOW.plus(HOUR));

        assertThat(table.state(LOW, NOW.plus(HOUR).plus(HOUR).minusSeconds(1))).isInstanceOf(SessionState.Expired.class);
        table.sweep(NOW.plus(HOUR).plus(HOUR));
        assertThat(table.state(LOW, NOW.plus(HOUR).plus(HOUR))).isInstanceOf(SessionState.Unknown.class);
        assertThat(table.retiredCount()).isZero();
        assertThat(table.state("never-seen", NOW)).isInstanceOf(SessionState.Unknown.class);
    }

    @Test
    void invalidate_retiresThePeerSession() {
        Session s = session(LOW, "a.example", NOW, HOUR);
        table.register(s, NOW);

        assertThat(table.invalidate("a.example", NOW)).isTrue();

        assertThat(table.state(LOW, NOW)).isInstanceOf(SessionState.Invalidated.class);
        assertThat(s.envelopeMacKey(LOW, NOW)).isEmpty();
        assertThat(table.invalidate("a.example", NOW)).isFalse();
    }

    @Test
    void close_zeroesEverySessionAndRefusesNewOnes() {
        Session s = session(LOW, "a.example", NOW, HOUR);
        table.register(s, NOW);

        table.close();

        assertThat(s.envelopeMacKey(LOW, NOW)).isEmpty();
        assertThat(table.register(session(HIGH, "c.example", NOW, HOUR), NOW)).isInstanceOf(SessionTable.Refused.class);
        assertThat(table.hasRoomFor("c.example", NOW)).isFalse();
    }

    @Test
    void limits_retiredWindowBelowOneHour_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FederationLimits(1000, Duration.ofSeconds(30),
                Duration.ofMinutes(59), 10, 10, 4096)).isInstanceOf(IllegalArgumentException.class);
    }
}
