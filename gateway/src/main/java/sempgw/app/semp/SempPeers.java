package sempgw.app.semp;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import sempgw.app.config.SempConfig;
import sempgw.semp.egress.discovery.DiscoveryConfig;
import sempgw.semp.egress.discovery.HttpsConfigurationFetcher;
import sempgw.semp.egress.discovery.SempDiscovery;
import sempgw.semp.egress.peers.DnsTxtLookup;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerDomainProofs;

/**
 * What both SEMP directions know about peer domains, built once and shared: discovery over the
 * {@code semp.dns_resolver} (the system resolver by default; DISCOVERY.md §5.1), the peers'
 * domain keys fetched over HTTPS from their discovered servers ({@link HttpsDomainKeys}: the
 * responder's {@code DomainKeyLookup} for handshakes, the receive pipeline's sender keys for
 * seals, the sender's keys for receipts), and the domain-ownership check of federation initiators
 * ({@link PeerDomainProofs}: HTTPS-published key, else {@code _semp-verify} TXT; HANDSHAKE.md §5.3,
 * §5.4; CONFORMANCE.md §4.8). Every HTTPS request trusts {@code tls} ({@code semp.trust_file}).
 */
public final class SempPeers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SempPeers.class);
    private static final Duration DNS_TIMEOUT = Duration.ofSeconds(5);

    private final HttpsConfigurationFetcher configurations;
    private final PeerDiscovery discovery;
    private final HttpsDomainKeys domainKeys;
    private final PeerDomainProofs proofs;

    private SempPeers(HttpsConfigurationFetcher configurations, PeerDiscovery discovery, HttpsDomainKeys domainKeys, PeerDomainProofs proofs) {
        this.configurations = configurations;
        this.discovery = discovery;
        this.domainKeys = domainKeys;
        this.proofs = proofs;
    }

    public static SempPeers open(SempConfig semp, SSLContext tls, Clock clock) {
        Resolver resolver = semp.dnsResolver().<Resolver>map(a -> new SimpleResolver(a.socketAddress())).orElseGet(ExtendedResolver::new);
        resolver.setTimeout(DNS_TIMEOUT);
        HttpsConfigurationFetcher configurations = HttpsConfigurationFetcher.withDefaults(tls);
        // java.util.Random: RFC 2782 weighted SRV order, shared by every delivery thread, and thread-safe.
        PeerDiscovery discovery = PeerDiscovery.of(new SempDiscovery(resolver, configurations, clock, new Random(),
                DiscoveryConfig.defaults().withDnsTimeout(DNS_TIMEOUT)));
        HttpsDomainKeys domainKeys = new HttpsDomainKeys(discovery, tls, clock);
        LOG.info("semp: peer discovery through {}", semp.dnsResolver().map(a -> "resolver " + a).orElse("the system resolver"));
        return new SempPeers(configurations, discovery, domainKeys, new PeerDomainProofs(domainKeys, new DnsTxtLookup(resolver, DNS_TIMEOUT)));
    }

    public PeerDiscovery discovery() {
        return discovery;
    }

    public HttpsDomainKeys domainKeys() {
        return domainKeys;
    }

    public PeerDomainProofs proofs() {
        return proofs;
    }

    @Override
    public void close() {
        domainKeys.close();
        configurations.close();
    }
}
