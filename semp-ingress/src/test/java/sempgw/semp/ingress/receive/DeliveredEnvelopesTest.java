package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The duplicate-delivery set is bounded in size and time. */
final class DeliveredEnvelopesTest {
    private static final Instant NOW = ReceiveFixture.NOW;

    @Test
    void contains_perSenderDomainUntilExpiry() {
        DeliveredEnvelopes d = new DeliveredEnvelopes(10);
        d.remember("a.example", "P1", NOW.plusSeconds(60), NOW);
        assertThat(d.contains("a.example", "P1", NOW.plusSeconds(59))).isTrue();
        assertThat(d.contains("c.example", "P1", NOW)).isFalse();
        assertThat(d.contains("a.example", "P1", NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void remember_beyondCapacity_evictsOldestAndExpired() {
        DeliveredEnvelopes d = new DeliveredEnvelopes(2);
        d.remember("a.example", "P1", NOW.plusSeconds(600), NOW);
        d.remember("a.example", "P2", NOW.plusSeconds(600), NOW);
        d.remember("a.example", "P3", NOW.plusSeconds(600), NOW);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.contains("a.example", "P1", NOW)).isFalse();
        assertThat(d.contains("a.example", "P3", NOW)).isTrue();
        d.remember("a.example", "P4", NOW.plusSeconds(1200), NOW.plusSeconds(700));
        assertThat(d.size()).isEqualTo(1);
    }

    @Test
    void claim_secondCopyOfAnEnvelope_waitsUntilTheFirstIsClosed() throws Exception {
        DeliveredEnvelopes d = new DeliveredEnvelopes(10);
        DeliveredEnvelopes.Claim first = d.claim("a.example", "P1");
        java.util.concurrent.CompletableFuture<Boolean> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (DeliveredEnvelopes.Claim c = d.claim("a.example", "P1")) {
                return d.contains("a.example", "P1", NOW);
            }
        }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        try (DeliveredEnvelopes.Claim other = d.claim("c.example", "P1")) {
            assertThat(other).isNotNull();
        }

        Thread.sleep(100);
        assertThat(second).isNotDone();
        d.remember("a.example", "P1", NOW.plusSeconds(60), NOW);
        first.close();
        assertThat(second.get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
}
