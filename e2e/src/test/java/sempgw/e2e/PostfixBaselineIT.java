package sempgw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sempgw.e2e.corpus.DeliveryCheck;
import sempgw.e2e.corpus.RelayCorpus;
import sempgw.e2e.corpus.TestMessage;
import sempgw.e2e.postfix.PostfixConfig;
import sempgw.e2e.postfix.PostfixInstance;
import sempgw.e2e.postfix.PostfixPackage;
import sempgw.e2e.smtp.Injector;
import sempgw.e2e.smtp.SmtpReply;
import sempgw.e2e.smtp.SmtpSink;
import sempgw.e2e.support.BuildPaths;
import sempgw.e2e.support.FreePorts;
import sempgw.e2e.support.Progress;

/**
 * The control for {@link PostfixRelayIT}: the same corpus through the private Postfix straight
 * to the sink, no gateway. It shows that the fixture works and that Postfix itself passes the
 * corpus through unchanged, so a difference in the relay test is the gateway's.
 */
final class PostfixBaselineIT {

    @Test
    void postfixRelay_corpusStraightToSink_everyMessageArrivesUnchanged() throws Exception {
        Progress progress = new Progress("postfix-baseline");
        List<TestMessage> corpus = RelayCorpus.generate(PostfixRelayIT.SEED, PostfixRelayIT.MESSAGES);
        PostfixPackage pkg = PostfixPackage.unpackInto(BuildPaths.buildDirectory());
        try (SmtpSink sink = SmtpSink.start();
                PostfixInstance postfix = PostfixInstance.start(pkg, PostfixConfig.relayTo(
                        BuildPaths.freshDaemonDirectory("postfix-baseline"), FreePorts.next(), "[127.0.0.1]:" + sink.port()))) {
            progress.line("postfix on :%d relays to the sink on :%d; injecting %d messages",
                    postfix.smtpPort(), sink.port(), corpus.size());
            AtomicInteger done = new AtomicInteger();
            Map<String, SmtpReply> replies = Injector.injectAll(postfix.smtpPort(), corpus, 4, id -> {
                if (done.incrementAndGet() % 25 == 0) {
                    progress.line("%d submitted", done.get());
                }
            });
            assertThat(replies.entrySet()).filteredOn(e -> e.getValue().code() != 250).isEmpty();
            boolean arrived = sink.await(got -> DeliveryCheck.of(corpus, got).missing().isEmpty(), Duration.ofSeconds(90));
            DeliveryCheck check = DeliveryCheck.of(corpus, sink.messages());
            progress.line("sink holds %d messages; missing %d, problems %d, duplicates %d, prepended %s",
                    sink.count(), check.missing().size(), check.problems().size(), check.duplicates(), check.prependedFields());
            assertThat(arrived).as("every message reached the sink within 90 s; postfix log tail:\n%s", postfix.logTail(20)).isTrue();
            assertThat(check.complete()).as(check.describe()).isTrue();
            assertThat(check.duplicates()).isZero();
        }
    }
}
