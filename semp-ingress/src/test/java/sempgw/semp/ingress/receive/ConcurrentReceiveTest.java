package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import sempgw.core.delivery.Acknowledgment;

/** Conversations call the pipeline concurrently: every envelope answered, each stored exactly once. */
final class ConcurrentReceiveTest {

    @Test
    void receive_concurrentDistinctEnvelopes_allDeliveredEachStoredOnce() throws Exception {
        ReceiveFixture f = new ReceiveFixture();
        f.pipeline();
        List<byte[]> wires = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            wires.add(ReceiveFixture.sealedTo(BOB));
        }
        List<Future<ReceiveOutcome>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (byte[] w : wires) {
                answers.add(pool.submit(() -> f.receive(w)));
            }
        }
        for (Future<ReceiveOutcome> a : answers) {
            assertThat(ReceiveFixture.ack(a.get())).isInstanceOf(Acknowledgment.Delivered.class);
        }
        assertThat(f.inbox.stored).hasSize(24);
        assertThat(f.inbox.stored.stream().map(e -> e.postmarkId()).distinct()).hasSize(24);
    }
}
