package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TunnelTableTest {
    private static final long IDLE = TimeUnit.SECONDS.toNanos(60);
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final FakeFederation federation = new FakeFederation();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private ConversationTurns turns() {
        return new ConversationTurns(threads, () -> federation.open(null, "h2"), Clock.systemUTC(), 8);
    }

    @Test
    void open_givesDistinctUrlSafeIds_foundAgain() {
        TunnelTable table = new TunnelTable(100, 100, IDLE);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Tunnel tunnel = table.open(LOCAL, this::turns, 0).orElseThrow();
            ids.add(tunnel.id());
            assertThat(table.find(tunnel.id())).containsSame(tunnel);
        }
        assertThat(ids).hasSize(50).allMatch(id -> id.matches("[A-Za-z0-9_-]{22}"));
        assertThat(table.find("unknown")).isEmpty();
        assertThat(table.find("x".repeat(TunnelTable.MAX_ID_LENGTH + 1))).isEmpty();
    }

    @Test
    void open_atCapacity_refused() {
        TunnelTable table = new TunnelTable(2, 2, IDLE);
        table.open(LOCAL, this::turns, 0);
        table.open(LOCAL, this::turns, 0);

        assertThat(table.open(LOCAL, this::turns, 0)).isEmpty();
    }

    /** One address at its own cap is refused while another still opens; forgetting a tunnel frees its slot. */
    @Test
    void open_addressAtItsCap_refusedWhileOthersOpen() throws Exception {
        TunnelTable table = new TunnelTable(10, 2, IDLE);
        InetAddress other = InetAddress.getByName("192.0.2.7");
        Tunnel first = table.open(LOCAL, this::turns, 0).orElseThrow();
        table.open(LOCAL, this::turns, 0).orElseThrow();

        assertThat(table.open(LOCAL, this::turns, 0)).isEmpty();
        assertThat(table.open(other, this::turns, 0)).isPresent();

        table.forget(first, "test");
        assertThat(table.open(LOCAL, this::turns, 0)).isPresent();
    }

    @Test
    void expire_onlyIdleTunnelsThatAreNotBusy() {
        TunnelTable table = new TunnelTable(10, 10, IDLE);
        Tunnel idle = table.open(LOCAL, this::turns, 0).orElseThrow();
        Tunnel busy = table.open(LOCAL, this::turns, 0).orElseThrow();
        Tunnel recent = table.open(LOCAL, this::turns, IDLE).orElseThrow();
        busy.begin();

        assertThat(table.expire(IDLE + 1)).isEqualTo(1);
        assertThat(table.find(idle.id())).isEmpty();
        assertThat(table.find(busy.id())).isPresent();
        assertThat(table.find(recent.id())).isPresent();

        busy.end(IDLE + 2);
        assertThat(table.expire(2 * IDLE + 3)).isEqualTo(2);
        assertThat(table.size()).isZero();
    }
}
