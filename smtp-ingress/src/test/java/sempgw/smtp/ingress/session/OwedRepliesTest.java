package sempgw.smtp.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class OwedRepliesTest {

    @Test
    void settle_nothingOwed_isImmediate() throws InterruptedException {
        assertThat(new OwedReplies().settle(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void settle_hookDeciding_interruptsItAndWaitsForTheReply() throws Exception {
        OwedReplies owed = new OwedReplies();
        AtomicBoolean hookInterrupted = new AtomicBoolean();
        AtomicBoolean interruptLeftAfterDecided = new AtomicBoolean(true);
        Thread session = Thread.ofVirtual().start(() -> {
            owed.committed();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                hookInterrupted.set(true);
                Thread.currentThread().interrupt();
            }
            owed.decided();
            interruptLeftAfterDecided.set(Thread.currentThread().isInterrupted());
            owed.replied();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> owed.owed() == 1);

        assertThat(owed.settle(Duration.ofSeconds(5))).isTrue();
        session.join(5_000);
        assertThat(hookInterrupted).isTrue();
        assertThat(interruptLeftAfterDecided).isFalse();
        assertThat(owed.owed()).isZero();
    }

    @Test
    void settle_replyNeverComes_givesUpAfterTheTimeout() throws Exception {
        OwedReplies owed = new OwedReplies();
        CountDownLatch release = new CountDownLatch(1);
        Thread session = Thread.ofVirtual().start(() -> {
            owed.committed();
            owed.decided();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            owed.replied();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> owed.owed() == 1);

        long start = System.nanoTime();
        assertThat(owed.settle(Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        release.countDown();
        session.join(5_000);
        assertThat(owed.owed()).isZero();
    }

    @Test
    void committed_afterSettling_isInterruptedAtOnce() throws Exception {
        OwedReplies owed = new OwedReplies();
        owed.settle(Duration.ofMillis(10));
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread session = Thread.ofVirtual().start(() -> {
            owed.committed();
            interrupted.set(Thread.currentThread().isInterrupted());
            owed.decided();
            owed.replied();
        });
        session.join(5_000);

        assertThat(interrupted).isTrue();
    }
}
