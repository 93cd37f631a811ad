package sempgw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sempgw.e2e.corpus.DeliveryCheck;
import sempgw.e2e.corpus.RelayCorpus;
import sempgw.e2e.corpus.TestMessage;
import sempgw.e2e.gateway.GatewayCommand;
import sempgw.e2e.gateway.GatewayProcess;
import sempgw.e2e.gateway.GatewaySettings;
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
 * Postfix relays through the gateway: a private Postfix with {@code relayhost} pointing at the
 * gateway (its own process), the gateway relaying to a recording sink. 100 varied messages go
 * into Postfix; each must reach the sink byte-identical, only trace fields added at the top,
 * with its envelope and its BODY/SMTPUTF8 parameters intact. {@link PostfixBaselineIT} runs
 * the same corpus without the gateway.
 */
final class PostfixRelayIT {
    static final long SEED = 20261125L;
    static final int MESSAGES = 100;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(3);
    /** The README's "Behind Postfix" settings: STARTTLS to the gateway when offered. */
    private static final Map<String, String> POSTFIX_AS_README = Map.of(
            "smtp_tls_security_level", "may",
            "smtp_tls_loglevel", "1");

    @Test
    void postfixRelayhostGateway_variedCorpus_everyMessageArrivesUnchanged() throws Exception {
        Progress progress = new Progress("postfix-relay");
        List<TestMessage> corpus = RelayCorpus.generate(SEED, MESSAGES);
        Path run = BuildPaths.freshRunDirectory("postfix-relay");
        PostfixPackage pkg = PostfixPackage.unpackInto(BuildPaths.buildDirectory());
        try (SmtpSink sink = SmtpSink.start()) {
            GatewaySettings settings = new GatewaySettings(run.resolve("gateway-data"), FreePorts.next(), sink.port());
            Path config = settings.writeTo(run.resolve("gateway.toml"));
            try (GatewayProcess gateway = GatewayProcess.start(GatewayCommand.run(config), settings.smtpPort(), run.resolve("gateway.log"));
                    PostfixInstance postfix = PostfixInstance.start(pkg, new PostfixConfig(
                            BuildPaths.freshDaemonDirectory("postfix-relay-postfix"), FreePorts.next(),
                            "[127.0.0.1]:" + settings.smtpPort(), POSTFIX_AS_README))) {
                progress.line("postfix :%d -> gateway :%d (pid %d) -> sink :%d; injecting %d messages",
                        postfix.smtpPort(), settings.smtpPort(), gateway.pid(), sink.port(), corpus.size());
                AtomicInteger done = new AtomicInteger();
                Map<String, SmtpReply> replies = Injector.injectAll(postfix.smtpPort(), corpus, 4, id -> {
                    if (done.incrementAndGet() % 25 == 0) {
                        progress.line("%d submitted to postfix", done.get());
                    }
                });
                assertThat(replies.entrySet()).as("postfix's replies").filteredOn(e -> e.getValue().code() != 250).isEmpty();

                boolean arrived = awaitDelivery(sink, corpus, progress);
                DeliveryCheck check = DeliveryCheck.of(corpus, sink.messages());
                progress.line("sink holds %d messages; missing %d, problems %d, duplicates %d, prepended %s; gateway peak RSS %d KiB",
                        sink.count(), check.missing().size(), check.problems().size(), check.duplicates(), check.prependedFields(),
                        gateway.peakRssKib());
                assertThat(arrived).as("every message reached the sink within %s\npostfix log:\n%s\ngateway log:\n%s",
                        DELIVERY_TIMEOUT, postfix.logTail(15), gateway.logTail(30)).isTrue();
                assertThat(check.complete()).as(check.describe()).isTrue();
                assertThat(check.duplicates()).as("duplicates").isZero();
                // RFC 5321 §4.4: Postfix and the gateway each add a Received field.
                assertThat(check.prependedFields().getOrDefault("received", 0)).isGreaterThanOrEqualTo(2 * sink.count());
                assertThat(postfix.logLines("status=bounced")).as("postfix bounces").isEmpty();
                assertThat(postfix.queuedMessages()).as("messages left in postfix's queue").isZero();
                assertThat(postfix.logLines("TLS connection established to 127.0.0.1")).as("postfix used STARTTLS").isNotEmpty();
                for (String bodyText : List.of("two leading dots", "tab-indented line", "leading dot in html")) {
                    assertThat(gateway.logLines(bodyText)).as("message content in the gateway's log").isEmpty();
                }
            }
        }
    }

    private static boolean awaitDelivery(SmtpSink sink, List<TestMessage> corpus, Progress progress) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (sink.await(got -> DeliveryCheck.of(corpus, got).missing().isEmpty(), Duration.ofSeconds(10))) {
                return true;
            }
            progress.line("waiting: %d messages at the sink", sink.count());
        }
        return false;
    }
}
