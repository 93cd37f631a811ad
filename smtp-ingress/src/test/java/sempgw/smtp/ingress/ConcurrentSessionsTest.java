package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Twenty pipelining sessions at once: every message is committed exactly once, under its own id. */
final class ConcurrentSessionsTest {
    private static final int SESSIONS = 20;
    private static final int MESSAGES = 50;
    private static final String BODY = ("Subject: load\r\n\r\n" + ("b".repeat(98) + "\r\n").repeat(50));

    @Test
    void twentySessions_pipeliningFiveKilobyteMessages_allCommitted() throws Exception {
        try (TestIngress gw = TestIngress.start(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            gw.queue.countOnly(true);
            long start = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                results.add(pool.submit(() -> session(gw)));
            }
            int accepted = 0;
            for (Future<Integer> f : results) {
                accepted += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ingress: %d messages of 5 KB over %d sessions in %.2f s = %.0f msg/s%n",
                    accepted, SESSIONS, seconds, accepted / seconds);

            assertThat(accepted).isEqualTo(SESSIONS * MESSAGES);
            assertThat(gw.queue.committed()).hasSize(SESSIONS * MESSAGES);
            assertThat(gw.queue.committed().stream().map(m -> m.id()).distinct()).hasSize(SESSIONS * MESSAGES);
        }
    }

    private static int session(TestIngress gw) throws Exception {
        int ok = 0;
        try (SmtpClient c = gw.client()) {
            c.ehlo();
            for (int i = 0; i < MESSAGES; i++) {
                c.sendRaw("MAIL FROM:<s@org.example>\r\nRCPT TO:<r@remote.example>\r\nDATA\r\n");
                c.expect("250");
                c.expect("250");
                c.expect("354");
                c.sendRaw(BODY + ".\r\n");
                if (c.reply().startsWith("250 2.0.0")) {
                    ok++;
                }
            }
            c.send("QUIT");
            c.expect("221");
        }
        return ok;
    }
}
