package sempgw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sempgw.e2e.bridge.BridgeWorld;
import sempgw.e2e.corpus.BridgeCheck;
import sempgw.e2e.corpus.BridgeCorpus;
import sempgw.e2e.corpus.TestMessage;
import sempgw.e2e.smtp.RetryingInjector;
import sempgw.e2e.smtp.SmtpSink;
import sempgw.e2e.support.BuildPaths;
import sempgw.e2e.support.Progress;

/**
 * {@code kill -9} on both sides of the bridge in the middle of a load. 420 messages of the bridge
 * corpus's kinds (no large attachments) from alpha.test's mailboxes to beta.test's, over 20 SMTP
 * sessions into gateway A, each delivered over SEMP while its session waits at DATA.
 * <ol>
 *   <li>After 100 acceptances gateway B is killed with SIGKILL: envelopes in flight lose their
 *   stream, B's own queue towards its mailbox host stops wherever it was, and A now accepts
 *   (250 after its own fsync) and queues what it cannot deliver.</li>
 *   <li>After 220, gateway A is killed as well, with those SEMP deliveries in its queue.</li>
 *   <li>B restarts on its data, then A; the sessions resend whatever got no 250, as an MTA
 *   would.</li>
 * </ol>
 * Every message A accepted must reach each of its recipients at beta.test's mailbox host, over
 * SEMP (a passing {@code SEMP-Verification} field) and as sent ({@link BridgeCheck}), and nothing
 * may leave either gateway by SMTP to the internet. Duplicates (a delivery whose receipt the kill
 * cut off) are counted and allowed; losses are not.
 */
final class BridgeCrashIT {
    private static final long SEED = 20261127L;
    private static final int MESSAGES = 420;
    private static final int SESSIONS = 20;
    private static final int KILL_B_AT = 100;
    private static final int KILL_A_AT = 220;
    private static final Duration PHASE = Duration.ofMinutes(3);

    @Test
    void killNineOnBothGatewaysMidLoad_restartOnSameData_everyAcceptedMessageDeliveredOverSemp() throws Exception {
        Progress progress = new Progress("bridge-crash");
        List<TestMessage> corpus = IntStream.range(0, MESSAGES)
                .mapToObj(i -> BridgeCorpus.message(SEED, i, BridgeCorpus.KINDS.get(i % BridgeCorpus.KINDS.size()))).toList();
        Path run = BuildPaths.freshRunDirectory("bridge-crash");
        try (BridgeWorld world = BridgeWorld.start(run, new BridgeWorld.Options(BridgeCorpus.SENDERS, BridgeCorpus.RECIPIENTS, "", ""), progress)) {
            SmtpSink mailboxes = world.betaMailboxHost();
            int unreachedAtKillA;
            List<TestMessage> accepted;
            try (RetryingInjector load = new RetryingInjector(world.alpha().smtpPort(), corpus, SESSIONS)) {
                assertThat(load.awaitAccepted(KILL_B_AT, PHASE)).as("%d accepted\n%s", KILL_B_AT, world.logs()).isTrue();
                world.killB();
                progress.line("kill -9 of gateway B after %d acceptances; %d messages at beta.test's mailbox host",
                        load.acceptedCount(), mailboxes.count());

                assertThat(load.awaitAccepted(KILL_A_AT, PHASE)).as("%d accepted while B was down\n%s", KILL_A_AT, world.logs()).isTrue();
                world.killA();
                Set<String> acceptedAtKillA = load.acceptedIds();
                unreachedAtKillA = BridgeCheck.unreached(corpus.stream().filter(m -> acceptedAtKillA.contains(m.testId())).toList(),
                        mailboxes.messages());
                progress.line("kill -9 of gateway A after %d acceptances; %d (message, recipient) pairs of them not yet at beta.test's mailbox host",
                        acceptedAtKillA.size(), unreachedAtKillA);

                world.startB(world.beta());
                world.restartA();
                progress.line("gateways B and A restarted on their data");
                boolean finished = load.awaitFinished(PHASE);
                progress.line("injection %s: %d accepted, %d refused, %d resubmissions",
                        finished ? "finished" : "timed out", load.acceptedCount(), load.refused().size(), load.retries());
                assertThat(finished).as("every message accepted or refused\n%s", world.logs()).isTrue();
                assertThat(load.refused()).as("permanent refusals").isEmpty();
                accepted = corpus.stream().filter(m -> load.acceptedIds().contains(m.testId())).toList();
            }

            boolean arrived = mailboxes.await(got -> BridgeCheck.unreached(accepted, got) == 0, PHASE);
            BridgeCheck check = BridgeCheck.of(SEED, accepted, mailboxes.messages());
            progress.line("beta.test's mailbox host holds %d messages: %d (message, recipient) pairs missing, %d problems, %d duplicates",
                    mailboxes.count(), check.missing().size(), check.problems().size(), check.duplicates());
            System.out.printf("DUPLICATES after kill -9 of both gateways: %d (allowed); LOST: %d (must be 0)%n",
                    check.duplicates(), check.missing().size());

            assertThat(unreachedAtKillA).as("A's kill left accepted mail in its queue").isPositive();
            assertThat(arrived).as("every accepted message arrived within %s\n%s\n%s", PHASE, check.describe(), world.logs()).isTrue();
            assertThat(check.complete()).as(check.describe()).isTrue();
            assertThat(world.internet().count()).as("messages sent by SMTP to the internet").isZero();
        }
    }
}
