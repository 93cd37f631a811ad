package sempgw.app.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 4, test 3 (first two parts): a peer that vanishes in the middle of a session, and a peer
 * that stays down for a while. The sender defers (DELIVERY.md §2.2: transport failures are
 * retried), drops the session and the discovery entry (DELIVERY.md §2.3, DISCOVERY.md §6.1), and
 * delivers every envelope exactly once when the peer is back (DELIVERY.md §2.3, §2.4). The clock
 * jumps over the retry schedule, so nothing waits minutes.
 */
final class PeerOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String B_SRV = "_semp._tcp." + TwoGateways.B;

    @TempDir
    Path dir;

    @Test
    void deliver_peerStopsAfterSessionEstablished_deferredThenDeliveredOnceAfterRestart() throws Exception {
        try (LogCapture log = new LogCapture(); TwoGateways fixture = TwoGateways.start(dir, TwoGateways.Options.defaults());
                ClockedPair gw = ClockedPair.takeOver(fixture)) {
            TestMailbox alice = gw.provision(gw.a(), TwoGateways.A, "alice");
            TestMailbox bob = gw.provision(gw.b(), TwoGateways.B, "bob");
            ComposedEnvelope first = Traffic.compose(alice, bob, fixture.b().domainKey(Traffic.SUITE), "first", gw.clock().instant());
            QueueId firstId = Traffic.submit(gw.a(), alice, first);
            log.await(WAIT, firstId + ": to=<" + bob.address() + ">", "status=sent");
            assertThat(log.matching("federation " + TwoGateways.B + ": session", "established")).hasSize(1);
            int discoveriesBefore = gw.dns().queries(B_SRV);

            gw.stopB();
            ComposedEnvelope second = Traffic.compose(alice, bob, fixture.b().domainKey(Traffic.SUITE), "second", gw.clock().instant());
            QueueId secondId = Traffic.submit(gw.a(), alice, second);
            await().atMost(WAIT).until(() -> Traffic.pending(gw.a(), secondId).map(r -> r.state() == RecipientState.DEFERRED).orElse(false));
            RecipientStatus deferred = Traffic.pending(gw.a(), secondId).orElseThrow();
            assertThat(deferred.attempts()).isEqualTo(1);
            assertThat(deferred.lastReply()).hasValueSatisfying(r -> assertThat(r).startsWith("semp; transport: ").containsIgnoringCase("connect"));
            assertThat(log.matching(secondId + ": semp peer=" + TwoGateways.B, "outcome=deferred", "session=dropped")).hasSize(1);
            assertThat(log.matching(secondId + ":", "status=bounced")).isEmpty();

            gw.startB();
            gw.retryDueNow();
            String sent = log.await(WAIT, secondId + ": to=<" + bob.address() + ">", "status=sent");
            assertThat(sent).contains("relay=" + TwoGateways.B, "semp; delivered, receipt ");
            assertThat(gw.a().semp().outbox().pending()).isEmpty();
            assertThat(Traffic.inboxPostmarkIds(gw.b()))
                    .containsExactly(first.envelope().postmark().id(), second.envelope().postmark().id());
            // The retry discovered b.test afresh (the entry was dropped, its 1 h TTL had not run out) and set up a new session.
            assertThat(gw.dns().queries(B_SRV)).isGreaterThan(discoveriesBefore);
            assertThat(log.matching("federation " + TwoGateways.B + ": session", "established")).hasSize(2);
        }
    }

    @Test
    void deliver_peerDownForAWhile_queuedAndDeferredThenEachDeliveredOnceWhenBack() throws Exception {
        int count = 5;
        try (LogCapture log = new LogCapture(); TwoGateways fixture = TwoGateways.start(dir, TwoGateways.Options.defaults());
                ClockedPair gw = ClockedPair.takeOver(fixture)) {
            TestMailbox alice = gw.provision(gw.a(), TwoGateways.A, "alice");
            TestMailbox bob = gw.provision(gw.b(), TwoGateways.B, "bob");
            gw.stopB();
            List<QueueId> ids = new ArrayList<>();
            List<String> postmarks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ComposedEnvelope c = Traffic.compose(alice, bob, fixture.b().domainKey(Traffic.SUITE), "queued " + i, gw.clock().instant());
                postmarks.add(c.envelope().postmark().id());
                ids.add(Traffic.submit(gw.a(), alice, c));
            }
            awaitAllDeferred(gw, ids, 1);
            for (QueueId id : ids) {
                RecipientStatus r = Traffic.pending(gw.a(), id).orElseThrow();
                assertThat(r.lastReply()).as("why %s waits", id)
                        .hasValueSatisfying(reply -> assertThat(reply).startsWith("semp; transport: ").contains(TwoGateways.B));
            }

            gw.retryDueNow();
            awaitAllDeferred(gw, ids, 2);

            gw.startB();
            gw.retryDueNow();
            for (QueueId id : ids) {
                log.await(WAIT, id + ": to=<" + bob.address() + ">", "status=sent");
                assertThat(log.matching(id + ": to=<" + bob.address() + ">", "status=sent", "semp; delivered, receipt ")).hasSize(1);
                assertThat(log.matching(id + ":", "status=bounced")).isEmpty();
            }
            assertThat(gw.a().semp().outbox().pending()).isEmpty();
            assertThat(Traffic.inboxPostmarkIds(gw.b())).containsExactlyInAnyOrderElementsOf(postmarks);
        }
    }

    /** Waits until every entry is DEFERRED after at least {@code attempts} attempts (none delivered, none failed). */
    private static void awaitAllDeferred(ClockedPair gw, List<QueueId> ids, int attempts) {
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> Traffic.pending(gw.a(), id)
                .map(r -> r.state() == RecipientState.DEFERRED && r.attempts() >= attempts).orElse(false)));
    }
}
