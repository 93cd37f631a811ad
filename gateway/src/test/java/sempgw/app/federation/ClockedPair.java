package sempgw.app.federation;

import java.time.Duration;
import java.time.Instant;
import sempgw.app.Gateway;
import sempgw.app.config.GatewayConfig;
import sempgw.app.semp.TestMailbox;
import sempgw.app.semp.TwoGateways;
import sempgw.app.testing.ShiftedClock;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;

/**
 * The two gateways of a {@link TwoGateways} fixture restarted on their own data directories and
 * ports with a {@link ShiftedClock}, so a test can jump past the DELIVERY.md §2.3 backoff and the
 * federation client's failure hold instead of waiting minutes; {@code a.test} resolves through a
 * {@link FaultyResolver} in front of the fixture's DNS. {@code b.test} can be stopped and started
 * again. Closing this closes both gateways and the resolver; the fixture still closes its DNS.
 */
final class ClockedPair implements AutoCloseable {
    /** Longer than the federation client's failure hold (30 s, {@code FederationSettings.failureHold}). */
    private static final Duration PAST_FAILURE_HOLD = Duration.ofSeconds(31);

    private final TwoGateways fixture;
    private final ShiftedClock clock = new ShiftedClock();
    private final FaultyResolver dns;
    private final Gateway a;
    private Gateway b;

    private ClockedPair(TwoGateways fixture) throws Exception {
        this.fixture = fixture;
        fixture.b().close();
        fixture.a().close();
        this.dns = new FaultyResolver(fixture.a().config().semp().dnsResolver().orElseThrow());
        GatewayConfig configA = ConfigEdits.withDnsResolver(fixture.a().config(), dns.address());
        try {
            this.a = Gateway.start(configA, clock);
            this.b = Gateway.start(fixture.b().config(), clock);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Takes over {@code fixture}'s gateways (they stop, and start again here). */
    static ClockedPair takeOver(TwoGateways fixture) throws Exception {
        return new ClockedPair(fixture);
    }

    Gateway a() {
        return a;
    }

    Gateway b() {
        return b;
    }

    FaultyResolver dns() {
        return dns;
    }

    ShiftedClock clock() {
        return clock;
    }

    /** Stops {@code b.test} as a crash-free shutdown would: listener, sessions, sender, queues. */
    void stopB() {
        b.close();
    }

    /** Starts {@code b.test} again on the same data directory, keys, inbox and HTTPS port. */
    void startB() throws Exception {
        b = Gateway.start(fixture.b().config(), clock);
    }

    /** {@code localPart@<domain of g>} with fresh client keys published by {@code g}. */
    TestMailbox provision(Gateway g, String domain, String localPart) throws Exception {
        return TestMailbox.provision(localPart + "@" + domain, g.semp().keyDirectory(), clock.instant());
    }

    /**
     * Moves the clock past every pending recipient's next attempt in {@code a.test}'s sender queue
     * (and past the failure hold), then wakes its queue manager: the retry happens now.
     */
    void retryDueNow() {
        Instant now = clock.instant();
        Instant latest = now.plus(PAST_FAILURE_HOLD);
        for (QueueEntry e : a.semp().outbox().pending()) {
            for (RecipientStatus r : e.recipients()) {
                if ((r.state() == RecipientState.QUEUED || r.state() == RecipientState.DEFERRED) && r.nextAttempt().isAfter(latest)) {
                    latest = r.nextAttempt();
                }
            }
        }
        clock.advance(Duration.between(now, latest).plusSeconds(1));
        a.semp().outbox().flush();
    }

    @Override
    public void close() {
        try {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        } finally {
            dns.close();
        }
    }
}
