package sempgw.e2e.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sempgw.e2e.corpus.DeliveryCheck;
import sempgw.e2e.corpus.RelayCorpus;
import sempgw.e2e.corpus.TestMessage;

final class SmtpSinkTest {

    @Test
    void injectAll_everyKindStraightIntoTheSink_deliveredOctetForOctetWithParameters() throws Exception {
        List<TestMessage> corpus = RelayCorpus.KINDS.stream()
                .map(kind -> RelayCorpus.message(42, RelayCorpus.KINDS.indexOf(kind), kind)).toList();
        try (SmtpSink sink = SmtpSink.start()) {
            Map<String, SmtpReply> replies = Injector.injectAll(sink.port(), corpus, 3, id -> { });
            assertThat(replies.values()).allMatch(r -> r.code() == 250);
            assertThat(sink.await(m -> m.size() >= corpus.size(), Duration.ofSeconds(10))).isTrue();
            DeliveryCheck check = DeliveryCheck.of(corpus, sink.messages());
            assertThat(check.complete()).as(check.describe()).isTrue();
            assertThat(check.duplicates()).isZero();
            assertThat(check.prependedFields()).isEmpty();
        }
    }

    @Test
    void deliveryCheck_messageSentTwiceAndOneMissing_countsDuplicateAndMissing() throws Exception {
        TestMessage a = RelayCorpus.message(1, 0, "plain-ascii");
        TestMessage b = RelayCorpus.message(1, 1, "html");
        try (SmtpSink sink = SmtpSink.start()) {
            Injector.injectAll(sink.port(), List.of(a), 1, id -> { });
            Injector.injectAll(sink.port(), List.of(a), 1, id -> { });
            assertThat(sink.await(m -> m.size() == 2, Duration.ofSeconds(10))).isTrue();
            DeliveryCheck check = DeliveryCheck.of(List.of(a, b), sink.messages());
            assertThat(check.missing()).containsExactly(b.testId());
            assertThat(check.duplicates()).isEqualTo(1);
            assertThat(check.problems()).isEmpty();
        }
    }
}
