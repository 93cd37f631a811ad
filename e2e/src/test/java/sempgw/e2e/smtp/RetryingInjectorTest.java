package sempgw.e2e.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.e2e.corpus.CrashCorpus;
import sempgw.e2e.corpus.DeliveryCheck;
import sempgw.e2e.corpus.TestMessage;

final class RetryingInjectorTest {

    @Test
    void awaitFinished_serverAnswers451ForAWhile_everyMessageResentUntilAccepted() throws Exception {
        List<TestMessage> corpus = CrashCorpus.generate(3, 20);
        try (SmtpSink sink = SmtpSink.start()) {
            sink.refuse(true);
            try (RetryingInjector load = new RetryingInjector(sink.port(), corpus, 3)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (load.retries() < 5 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(load.acceptedCount()).isZero();
                sink.refuse(false);
                assertThat(load.awaitFinished(Duration.ofSeconds(20))).isTrue();
                assertThat(load.acceptedCount()).isEqualTo(20);
                assertThat(load.retries()).isGreaterThanOrEqualTo(5);
                assertThat(load.refused()).isEmpty();
            }
            DeliveryCheck check = DeliveryCheck.of(corpus, sink.messages());
            assertThat(check.complete()).as(check.describe()).isTrue();
            assertThat(check.duplicates()).isZero();
        }
    }
}
