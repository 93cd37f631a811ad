package sempgw.app.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.semp.LogCapture;
import sempgw.app.semp.TestMailbox;
import sempgw.app.semp.TwoGateways;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;

/**
 * Issue 4, test 3 (third part): a SERVFAIL for the peer's {@code _semp._tcp} records is a
 * temporary discovery failure: the envelope is deferred, never downgraded to legacy or not found
 * (DISCOVERY.md §5.1, §7.1), and delivered once DNS answers again.
 */
final class DiscoveryFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String B_SRV = "_semp._tcp." + TwoGateways.B;

    @TempDir
    Path dir;

    @Test
    void deliver_dnsServfailForPeer_deferredNotDowngradedThenDeliveredAfterDnsRecovers() throws Exception {
        try (LogCapture log = new LogCapture(); TwoGateways fixture = TwoGateways.start(dir, TwoGateways.Options.defaults());
                ClockedPair gw = ClockedPair.takeOver(fixture)) {
            TestMailbox alice = gw.provision(gw.a(), TwoGateways.A, "alice");
            TestMailbox bob = gw.provision(gw.b(), TwoGateways.B, "bob");
            gw.dns().servfail(B_SRV);
            ComposedEnvelope composed = Traffic.compose(alice, bob, fixture.b().domainKey(Traffic.SUITE), "through a DNS outage",
                    gw.clock().instant());
            QueueId id = Traffic.submit(gw.a(), alice, composed);

            await().atMost(WAIT).until(() -> Traffic.pending(gw.a(), id).map(r -> r.state() == RecipientState.DEFERRED).orElse(false));
            RecipientStatus deferred = Traffic.pending(gw.a(), id).orElseThrow();
            assertThat(deferred.attempts()).isEqualTo(1);
            assertThat(deferred.lastReply()).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("semp; transport: discovery of " + TwoGateways.B + ": DNS_FAILURE")
                    .doesNotContainIgnoringCase("legacy").doesNotContainIgnoringCase("not found"));
            assertThat(gw.dns().queries(B_SRV)).isPositive();
            assertThat(log.matching("discovery " + TwoGateways.B + ": temporary failure DNS_FAILURE")).isNotEmpty();
            assertThat(log.matching("discovery " + TwoGateways.B + ": legacy")).isEmpty();
            assertThat(log.matching("discovery " + TwoGateways.B + ": not found")).isEmpty();
            assertThat(log.matching(id + ":", "status=bounced")).isEmpty();

            gw.dns().heal(B_SRV);
            gw.retryDueNow();
            String sent = log.await(WAIT, id + ": to=<" + bob.address() + ">", "status=sent");
            assertThat(sent).contains("relay=" + TwoGateways.B, "semp; delivered, receipt ");
            assertThat(gw.a().semp().outbox().pending()).isEmpty();
            assertThat(Traffic.inboxPostmarkIds(gw.b())).containsExactly(composed.envelope().postmark().id());
        }
    }
}
