package sempgw.app.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.delivery.SempDeliveryAgent;
import sempgw.semp.egress.delivery.SempDeliverySettings;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.discovery.SempConfiguration;
import sempgw.semp.egress.discovery.ServerTarget;
import sempgw.semp.egress.discovery.SessionTtl;
import sempgw.semp.egress.discovery.TransportEndpoints;
import sempgw.semp.egress.federation.FederationClient;
import sempgw.semp.egress.federation.FederationSettings;
import sempgw.semp.egress.federation.FederationTransport;
import sempgw.semp.egress.federation.H2Transport;
import sempgw.semp.egress.federation.WebSocketTransport;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerKeys;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.DeliveryResult;

/**
 * One sending gateway's federation side, as {@code SempSender} builds it: a
 * {@link FederationClient} with its own {@link HttpClient} (one sending domain = one gateway)
 * running only the configuration's suite and transport, and a {@link SempDeliveryAgent} over it
 * (seal per attempt, send, verify the receipt against the receiver's published key). Discovery
 * and key lookups are fixed answers: their caches would serve them in steady state.
 */
final class SendingDomain implements AutoCloseable {
    final String domain;
    final FederationClient client;
    final SempDeliveryAgent agent;
    /** {@code delivered} results (receipt verified) of {@link #counted}. */
    final AtomicLong delivered = new AtomicLong();
    private final Optional<HttpClient> http;

    SendingDomain(String domain, BenchKeys keys, SuiteId suite, Transport transport, ReceivingGateway receiver, SSLContext trust) {
        this.domain = domain;
        FederationSettings settings = FederationSettings.defaults(new LocalDomain(domain, "srv-" + domain, keys.senders.get(domain)))
                .withSuites(List.of(suite)).withPreferWebSocket(transport == Transport.WS).withFailureHold(Duration.ZERO);
        http = transport == Transport.MEMORY ? Optional.empty() : Optional.of(H2Transport.client(trust, settings.connectTimeout()));
        FederationTransport binding = switch (transport) {
            case H2 -> new H2Transport(http.orElseThrow(), settings.maxReplyBytes());
            case WS -> new WebSocketTransport(http.orElseThrow(), settings.connectTimeout(), settings.maxReplyBytes());
            case MEMORY -> new DirectTransport(receiver.endpoint());
        };
        PeerKeys peerKeys = fixedKeys(keys.receiverLookup());
        client = new FederationClient(settings, fixedDiscovery(receiver, suite), peerKeys, List.of(binding), RandomSource.secure());
        agent = new SempDeliveryAgent(client, peerKeys, keys.senders.get(domain), SempDeliverySettings.defaults(), Clock.systemUTC(),
                RandomSource.secure());
    }

    /** One new session: a full handshake, then the session is dropped so that the next call handshakes again. */
    void handshake() throws Exception {
        client.channel(BenchKeys.RECEIVER, Instant.now());
        client.invalidate(BenchKeys.RECEIVER);
    }

    /** The agent, counting its {@code delivered} results in {@link #delivered}. */
    DeliveryAgent counted() {
        return (entry, recipients, content) -> {
            List<DeliveryResult> results = agent.deliver(entry, recipients, content);
            if (results.stream().allMatch(DeliveryResult.Delivered.class::isInstance)) {
                delivered.incrementAndGet();
            }
            return results;
        };
    }

    @Override
    public void close() {
        client.close();
        http.ifPresent(HttpClient::close);
    }

    private static PeerDiscovery fixedDiscovery(ReceivingGateway receiver, SuiteId suite) {
        URI base = URI.create("https://" + BenchTls.HOST + "/");
        SempConfiguration config = new SempConfiguration("1.0.0", BenchKeys.RECEIVER, 1, Duration.ofHours(1),
                new TransportEndpoints(Map.of("h2", receiver.h2())),
                new TransportEndpoints(Map.of("h2", receiver.h2(), "ws", receiver.ws())), base.resolve("register"),
                base.resolve(".well-known/semp/keys/"), base.resolve(".well-known/semp/domain-keys"), Map.of(),
                List.of(suite.wireName()), 26_214_400L, List.of());
        ServerTarget target = new ServerTarget(BenchTls.HOST, receiver.h2().getPort(), 0, 0);
        DiscoveryResult result = new DiscoveryResult.Semp(config, List.of(target), target, Optional.empty(), SessionTtl.DEFAULT, List.of());
        return new PeerDiscovery() {
            @Override
            public DiscoveryResult discover(String domain) {
                return result;
            }

            @Override
            public void invalidate(String domain) {
            }
        };
    }

    private static PeerKeys fixedKeys(DomainKeyLookup lookup) {
        return new PeerKeys() {
            @Override
            public Optional<DomainSigningPublicKey> find(String domain, Optional<KeyId> keyId) {
                return lookup.find(domain, keyId);
            }

            @Override
            public void invalidate(String domain) {
            }
        };
    }
}
