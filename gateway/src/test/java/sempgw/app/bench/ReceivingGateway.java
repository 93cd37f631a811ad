package sempgw.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.LocalDomain;
import sempgw.semp.ingress.FederationEndpoint;
import sempgw.semp.ingress.federation.FederationConfig;
import sempgw.semp.ingress.federation.FederationLimits;
import sempgw.semp.ingress.federation.FederationService;
import sempgw.semp.ingress.federation.SessionTable;
import sempgw.semp.ingress.http.SempHttpConfig;
import sempgw.semp.ingress.http.SempHttpServer;
import sempgw.semp.ingress.inbox.QueueInbox;
import sempgw.semp.ingress.receive.InMemoryKnownCorrespondents;
import sempgw.semp.ingress.receive.InMemoryUserBlockList;
import sempgw.semp.ingress.receive.LocalUsers;
import sempgw.semp.ingress.receive.ReceiveConfig;
import sempgw.semp.ingress.receive.ReceivePipeline;
import sempgw.semp.ingress.receive.ServerKeys;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.QueueKey;

/**
 * The receiving side of a run, wired as the gateway wires semp-ingress: {@link SempHttpServer}
 * (default limits, TLS with ALPN) on 127.0.0.1, the {@link FederationService} responder with
 * domain-ownership checked by signature ({@code signedWithHttpsPublishedKey}), and the
 * {@link ReceivePipeline} storing each accepted envelope in a {@link QueueInbox} over an
 * {@link FsQueue} (encrypted, fsync'd before {@code delivered}). The sending domains are known
 * correspondents of the mailbox, so the first-contact rate limit (DELIVERY.md §6.5) does not
 * throttle them, as between two gateways that already exchange mail. Fresh for every
 * configuration: a new session table, duplicate set and inbox directory.
 */
final class ReceivingGateway implements AutoCloseable {
    private final FsQueue inbox;
    private final FederationService federation;
    private final SempHttpServer http;
    private final AtomicLong stored = new AtomicLong();

    private ReceivingGateway(FsQueue inbox, FederationService federation, SempHttpServer http) {
        this.inbox = inbox;
        this.federation = federation;
        this.http = http;
        inbox.onCommit(e -> stored.incrementAndGet());
    }

    static ReceivingGateway start(Path dir, BenchKeys keys, BenchTls tls) throws Exception {
        Clock clock = Clock.systemUTC();
        FsQueue inbox;
        try (QueueKey key = QueueKey.loadOrCreate(dir.resolve("queue.key"))) {
            inbox = FsQueue.open(dir.resolve("inbox"), key, clock);
        }
        InMemoryKnownCorrespondents known = new InMemoryKnownCorrespondents();
        keys.senders.keySet().forEach(d -> known.remember(BenchKeys.MAILBOX, d));
        SessionTable sessions = new SessionTable(FederationLimits.DEFAULTS, clock);
        ReceivePipeline pipeline = new ReceivePipeline(ReceiveConfig.defaults(Set.of(BenchKeys.RECEIVER)),
                new ServerKeys(keys.senderKeys(), keys.decryptionKeys(), keys.receiverSigning), sessions,
                (postmark, brief) -> PolicyDecision.deliver(),
                new LocalUsers(BenchKeys.MAILBOX::equals, new InMemoryUserBlockList(), known), new QueueInbox(inbox),
                RandomSource.secure());
        FederationService federation = new FederationService(FederationConfig.of(
                new LocalDomain(BenchKeys.RECEIVER, "srv-b", keys.receiverSigning), keys.senderLookup(),
                DomainProofVerifier.signedWithHttpsPublishedKey(), RandomSource.secure(), pipeline::receive), sessions);
        SempHttpServer http = new SempHttpServer(SempHttpConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), tls.server(),
                new NoDocuments(), federation, clock);
        http.start();
        return new ReceivingGateway(inbox, federation, http);
    }

    /** The responder itself, for the in-memory transport. */
    FederationEndpoint endpoint() {
        return federation;
    }

    URI h2() {
        return URI.create("https://" + BenchTls.HOST + ":" + http.port() + "/v1/federate");
    }

    URI ws() {
        return URI.create("wss://" + BenchTls.HOST + ":" + http.port() + "/v1/federate");
    }

    /** Calls {@code fromDomain} with the sending domain of every envelope committed from now on. */
    void onStored(Consumer<String> fromDomain) {
        inbox.onCommit(e -> fromDomain.accept(e.origin().heloName()));
    }

    /** Envelopes committed to the inbox so far. */
    long stored() {
        return stored.get();
    }

    @Override
    public void close() throws IOException {
        http.close();
        federation.close();
        inbox.close();
    }
}
