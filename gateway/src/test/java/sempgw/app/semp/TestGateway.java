package sempgw.app.semp;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sempgw.app.Gateway;
import sempgw.app.config.GatewayConfig;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.store.queue.QueueEntry;

/** One running gateway of {@link TwoGateways}: its {@link SempNode}, its domain's public encryption keys, and mailbox helpers. */
public final class TestGateway implements AutoCloseable {
    private final GatewayConfig config;
    private final Gateway gateway;
    private final Map<SuiteId, DomainEncryptionPublicKey> domainKeys;
    private final Clock clock;

    private TestGateway(GatewayConfig config, Gateway gateway, Map<SuiteId, DomainEncryptionPublicKey> domainKeys, Clock clock) {
        this.config = config;
        this.gateway = gateway;
        this.domainKeys = domainKeys;
        this.clock = clock;
    }

    static TestGateway start(GatewayConfig config, Map<SuiteId, DomainEncryptionPublicKey> domainKeys, Clock clock) throws Exception {
        return new TestGateway(config, Gateway.start(config, clock), Map.copyOf(domainKeys), clock);
    }

    public String domain() {
        return config.semp().requireDomain();
    }

    public GatewayConfig config() {
        return config;
    }

    public Gateway gateway() {
        return gateway;
    }

    public SempNode node() {
        return gateway.semp();
    }

    /** The domain's published encryption key for {@code suite}: what a sender wraps the brief to. */
    public DomainEncryptionPublicKey domainKey(SuiteId suite) {
        return domainKeys.get(suite);
    }

    /** Provisions {@code localPart@<domain>} with fresh client keys, published in this gateway's key directory. */
    public TestMailbox provision(String localPart) throws Exception {
        return TestMailbox.provision(localPart + "@" + domain(), node().keyDirectory(), clock.instant());
    }

    /** Waits up to 20 s until the inbox holds {@code count} entries; returns them, oldest first. */
    public List<QueueEntry> awaitInbox(int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> node().inbox().entries().size() >= count);
        return new ArrayList<>(node().inbox().entries());
    }

    @Override
    public void close() {
        gateway.close();
    }
}
