package sempgw.app.qmgr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class DestinationLimiterTest {
    @Test
    void acquire_limitReached_blocksUntilAPermitIsClosed() throws Exception {
        DestinationLimiter limiter = new DestinationLimiter(1);
        DestinationLimiter.Permit first = limiter.acquire("example.org");
        AtomicBoolean second = new AtomicBoolean();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try (DestinationLimiter.Permit _ = limiter.acquire("example.org")) {
                second.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.join(200);
        assertThat(second).isFalse();
        first.close();
        assertThat(waiter.join(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(second).isTrue();
    }

    @Test
    void acquire_otherDestination_doesNotWait() throws Exception {
        DestinationLimiter limiter = new DestinationLimiter(1);
        try (DestinationLimiter.Permit _ = limiter.acquire("a.example"); DestinationLimiter.Permit _ = limiter.acquire("b.example")) {
            assertThat(limiter.trackedDestinations()).isEqualTo(2);
        }
    }

    @Test
    void close_lastPermit_forgetsTheDestination() throws Exception {
        DestinationLimiter limiter = new DestinationLimiter(2);
        limiter.acquire("example.org").close();
        assertThat(limiter.trackedDestinations()).isZero();
    }
}
