package sempgw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.e2e.corpus.CrashCorpus;
import sempgw.e2e.corpus.DeliveryCheck;
import sempgw.e2e.corpus.TestMessage;
import sempgw.e2e.gateway.GatewayCommand;
import sempgw.e2e.gateway.GatewayProcess;
import sempgw.e2e.gateway.GatewaySettings;
import sempgw.e2e.smtp.RetryingInjector;
import sempgw.e2e.smtp.SmtpSink;
import sempgw.e2e.support.BuildPaths;
import sempgw.e2e.support.FreePorts;
import sempgw.e2e.support.Progress;

/**
 * {@code kill -9} in the middle of a load: 1000 messages over 20 concurrent SMTP sessions into
 * the gateway (its own process). After 200 acceptances the sink starts answering 451, so the
 * gateway's queue fills with deferred mail; after 400 the gateway is killed with SIGKILL and
 * restarted on the same data directory, and the sink takes mail again. The sessions resend
 * whatever did not get its 250, as an MTA would. Every message that got a 250 must reach the
 * sink intact; duplicates are allowed and counted, losses are not.
 */
final class GatewayCrashIT {
    private static final int MESSAGES = 1000;
    private static final int SESSIONS = 20;
    private static final int PAUSE_SINK_AT = 200;
    private static final int KILL_AT = 400;

    @Test
    void killNineMidLoad_restartOnSameData_everyAcceptedMessageDelivered() throws Exception {
        Progress progress = new Progress("gateway-crash");
        List<TestMessage> corpus = CrashCorpus.generate(7, MESSAGES);
        Path run = BuildPaths.freshRunDirectory("gateway-crash");
        try (SmtpSink sink = SmtpSink.start()) {
            GatewaySettings settings = new GatewaySettings(run.resolve("gateway-data"), FreePorts.next(), sink.port());
            List<String> command = GatewayCommand.run(settings.writeTo(run.resolve("gateway.toml")));
            GatewayProcess gateway = GatewayProcess.start(command, settings.smtpPort(), run.resolve("gateway.log"));
            assertThat(gateway.logLines("process memory excluded from core dumps")).as("SESSION.md §5.1").hasSize(1);
            assertThat(gateway.logLines("process memory locked into RAM").size() + gateway.logLines("process memory not locked into RAM").size())
                    .as("memory locking is applied or its failure reported").isEqualTo(1);
            try (RetryingInjector load = new RetryingInjector(settings.smtpPort(), corpus, SESSIONS)) {
                progress.line("gateway :%d (pid %d) -> sink :%d; %d messages over %d sessions",
                        settings.smtpPort(), gateway.pid(), sink.port(), MESSAGES, SESSIONS);
                assertThat(load.awaitAccepted(PAUSE_SINK_AT, Duration.ofMinutes(2))).as("%d accepted", PAUSE_SINK_AT).isTrue();
                sink.refuse(true);
                progress.line("%d accepted, %d at the sink: the sink now answers 451", load.acceptedCount(), sink.count());
                assertThat(load.awaitAccepted(KILL_AT, Duration.ofMinutes(2))).as("%d accepted", KILL_AT).isTrue();

                gateway.killHard();
                Set<String> acceptedAtKill = load.acceptedIds();
                int deliveredAtKill = sink.count();
                progress.line("kill -9 after %d acceptances; %d of them at the sink, %d only in the gateway's queue",
                        acceptedAtKill.size(), deliveredAtKill, acceptedAtKill.size() - deliveredAtKill);
                gateway = gateway.restart();
                sink.refuse(false);
                progress.line("gateway restarted (pid %d) on the same data directory; the sink takes mail again", gateway.pid());

                boolean finished = load.awaitFinished(Duration.ofMinutes(3));
                progress.line("injection %s: %d accepted, %d refused, %d resubmissions",
                        finished ? "finished" : "timed out", load.acceptedCount(), load.refused().size(), load.retries());
                assertThat(finished).as("every message accepted or refused within 3 minutes").isTrue();
                assertThat(load.refused()).as("permanent refusals").isEmpty();

                List<TestMessage> accepted = corpus.stream().filter(m -> load.acceptedIds().contains(m.testId())).toList();
                boolean delivered = sink.await(got -> DeliveryCheck.of(accepted, got).missing().isEmpty(), Duration.ofMinutes(3));
                DeliveryCheck check = DeliveryCheck.of(accepted, sink.messages());
                progress.line("sink holds %d messages: %d accepted messages missing, %d problems, %d duplicates",
                        sink.count(), check.missing().size(), check.problems().size(), check.duplicates());
                System.out.printf("DUPLICATES after kill -9: %d (allowed); LOST: %d (must be 0)%n",
                        check.duplicates(), check.missing().size());

                assertThat(deliveredAtKill).as("the kill left accepted mail in the queue").isLessThan(acceptedAtKill.size());
                assertThat(acceptedAtKill.size()).as("the kill came mid-way").isLessThan(MESSAGES);
                assertThat(delivered).as("every accepted message delivered within 3 minutes; gateway log:\n%s",
                        gateway.logTail(30)).isTrue();
                assertThat(check.missing()).as("accepted (250) but never delivered").isEmpty();
                assertThat(check.problems()).as("delivered but damaged or unexpected").isEmpty();
            } finally {
                gateway.close();
            }
        }
    }
}
