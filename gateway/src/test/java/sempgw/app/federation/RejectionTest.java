package sempgw.app.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.semp.LogCapture;
import sempgw.app.semp.TestMailbox;
import sempgw.app.semp.TwoGateways;
import sempgw.store.queue.QueueId;

/**
 * Issue 4, test 2, the rejection paths only the whole stack shows: a block-list entry in one
 * gateway's {@code [semp.block]} refuses the other's handshake with {@code blocked}, a terminal
 * failure on the sender (DELIVERY.md §5.2, ERRORS.md §1); and a {@code max_envelope_size}
 * published in one gateway's configuration document makes the other fail a larger envelope with
 * {@code envelope_size_exceeded} (ENVELOPE.md §9.3). Semp-ingress's unit tests cover every other
 * code against its pipeline.
 */
final class RejectionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long MAX_ENVELOPE = 64 << 10;
    /** b.test blocks a.test; a.test accepts envelopes of at most 64 KiB. */
    private static final TwoGateways.Options OPTIONS = TwoGateways.Options.defaults()
            .withSemp(TwoGateways.B, "[semp.block]\ndomains = [\"" + TwoGateways.A + "\"]")
            .withSemp(TwoGateways.A, "max_envelope_size = " + MAX_ENVELOPE);

    @TempDir
    Path dir;

    @Test
    void deliver_blockedByPeerOrOverPeerLimit_failsTerminallyWithExactCode() throws Exception {
        try (LogCapture log = new LogCapture(); TwoGateways gw = TwoGateways.start(dir, OPTIONS)) {
            TestMailbox alice = gw.a().provision("alice");
            TestMailbox bob = gw.b().provision("bob");

            QueueId blocked = Traffic.submit(gw.a().gateway(), alice,
                    Traffic.compose(alice, bob, gw.b().domainKey(Traffic.SUITE), "to a domain that blocks us", Instant.now()));
            String bounced = log.await(WAIT, blocked + ": to=<" + bob.address() + ">", "status=bounced");
            assertThat(bounced).contains("relay=" + TwoGateways.B, "(blocked: ");
            assertThat(log.matching(blocked + ": semp peer=" + TwoGateways.B)).singleElement().asString()
                    .contains("outcome=failed", "code=blocked");
            assertThat(log.matching("federation init blocked peer=" + TwoGateways.A)).isNotEmpty();
            assertThat(gw.a().node().outbox().pending()).isEmpty();
            assertThat(gw.b().node().inbox().entries()).isEmpty();

            QueueId oversize = Traffic.submit(gw.b().gateway(), bob,
                    Traffic.compose(bob, alice, gw.a().domainKey(Traffic.SUITE), "x".repeat(100 << 10), Instant.now()));
            String refused = log.await(WAIT, oversize + ": to=<" + alice.address() + ">", "status=bounced");
            assertThat(refused).contains("relay=" + TwoGateways.A, "(envelope_size_exceeded: ", String.valueOf(MAX_ENVELOPE));
            assertThat(log.matching(oversize + ": semp peer=" + TwoGateways.A)).singleElement().asString()
                    .contains("outcome=failed", "code=envelope_size_exceeded");
            assertThat(gw.b().node().outbox().pending()).isEmpty();
            assertThat(gw.a().node().inbox().entries()).isEmpty();
            // Refused over a live session, for its size alone: b.test's session with a.test was set up.
            assertThat(log.matching("federation " + TwoGateways.A + ": session", "established")).hasSize(1);
        }
    }
}
