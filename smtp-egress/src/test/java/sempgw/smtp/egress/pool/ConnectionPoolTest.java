package sempgw.smtp.egress.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.smtp.egress.client.ClientSettings;
import sempgw.smtp.egress.client.Dialect;
import sempgw.smtp.egress.client.IoWatchdog;
import sempgw.smtp.egress.client.Opening;
import sempgw.smtp.egress.client.SessionOpener;
import sempgw.smtp.egress.client.SmtpClientSession;
import sempgw.smtp.egress.client.Target;
import sempgw.smtp.egress.client.Timeouts;
import sempgw.smtp.egress.client.TlsPolicy;
import sempgw.smtp.egress.fake.ScriptedSmtpServer;

final class ConnectionPoolTest {

    private final ScriptedSmtpServer server;
    private final IoWatchdog watchdog = new IoWatchdog();
    private final MutableClock clock = new MutableClock();
    private final SessionOpener opener;

    ConnectionPoolTest() throws IOException {
        server = new ScriptedSmtpServer();
        opener = new SessionOpener(ClientSettings.withDefaultTrust("gw.test", Timeouts.uniform(Duration.ofSeconds(5))), watchdog, clock);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        watchdog.close();
    }

    private SmtpClientSession open() {
        Target target = new Target.Inet("localhost", java.net.InetAddress.getLoopbackAddress(), server.port());
        return ((Opening.Opened) opener.open(target, Dialect.SMTP, TlsPolicy.NONE, Optional.empty())).session();
    }

    @Test
    void take_afterGive_returnsSameSession() {
        ConnectionPool pool = new ConnectionPool(4, Duration.ofSeconds(5), Duration.ofMinutes(5), clock);
        SmtpClientSession session = open();

        pool.give("d", session);

        assertThat(pool.take("other")).isEmpty();
        assertThat(pool.take("d")).containsSame(session);
        assertThat(pool.take("d")).isEmpty();
    }

    @Test
    void take_idleTooLong_closedNotReturned() {
        ConnectionPool pool = new ConnectionPool(4, Duration.ofSeconds(5), Duration.ofMinutes(5), clock);
        SmtpClientSession session = open();
        pool.give("d", session);

        clock.advance(Duration.ofSeconds(6));

        assertThat(pool.take("d")).isEmpty();
        assertThat(session.usable()).isFalse();
    }

    @Test
    void evictExpired_closesIdleSessionsWithQuit() {
        ConnectionPool pool = new ConnectionPool(4, Duration.ofSeconds(5), Duration.ofMinutes(5), clock);
        pool.give("d", open());
        clock.advance(Duration.ofSeconds(6));

        pool.evictExpired();

        assertThat(pool.idleCount()).isZero();
        assertThat(server.commands).contains("QUIT");
    }

    @Test
    void give_overIdleLimitOrTooOld_closesSurplus() {
        ConnectionPool pool = new ConnectionPool(1, Duration.ofSeconds(5), Duration.ofSeconds(60), clock);
        SmtpClientSession first = open();
        SmtpClientSession second = open();

        pool.give("d", first);
        pool.give("d", second);
        assertThat(pool.idleCount()).isEqualTo(1);
        assertThat(second.usable()).isFalse();

        clock.advance(Duration.ofSeconds(61));
        SmtpClientSession old = pool.take("d").orElse(null);
        assertThat(old).isNull();
    }

    @Test
    void takeAndGive_concurrently_neverHandsOneSessionToTwoCallers() throws Exception {
        ConnectionPool pool = new ConnectionPool(8, Duration.ofSeconds(30), Duration.ofMinutes(5), clock);
        for (int i = 0; i < 8; i++) {
            pool.give("d", open());
        }
        Set<SmtpClientSession> inUse = ConcurrentHashMap.newKeySet();
        List<Future<Boolean>> results = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 16; t++) {
                results.add(executor.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        Optional<SmtpClientSession> s = pool.take("d");
                        if (s.isPresent()) {
                            if (!inUse.add(s.get())) {
                                return false;
                            }
                            inUse.remove(s.get());
                            pool.give("d", s.get());
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        }
        assertThat(pool.idleCount()).isEqualTo(8);
        pool.close();
        assertThat(pool.idleCount()).isZero();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
