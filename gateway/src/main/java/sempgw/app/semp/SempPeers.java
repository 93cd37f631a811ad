package sempgw.app.semp;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
import sempgw.semp.egress.discovery.PinJournal;
import sempgw.semp.egress.discovery.SempDiscovery;
import sempgw.semp.egress.peers.DnsTxtLookup;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerDomainProofs;
import sempgw.semp.egress.keys.PeerRecipientKeys;
import sempgw.semp.egress.keys.UserKeysClient;

/**
 * What both SEMP directions know about peer domains, built once and shared: discovery over the
 * {@code semp.dns_resolver} (the system resolver by default; DISCOVERY.md §5.1), the peers'
 * domain keys fetched over HTTPS from their discovered servers ({@link HttpsDomainKeys}: the
 * responder's {@code DomainKeyLookup} for handshakes, the receive pipeline's sender keys for
 * seals, the sender's keys for receipts), and the domain-ownership check of federation initiators
 * ({@link PeerDomainProofs}: HTTPS-published key, else {@code _semp-verify} TXT; HANDSHAKE.md §5.3,
 * §5.4; CONFORMANCE.md §4.8), and the peers' user keys ({@link UserKeysClient}: recipients'
 * encryption keys, senders' identity keys). Domains seen speaking SEMP stay pinned to it across
 * restarts ({@code <data_dir>/semp/discovery-pins}, GATEWAY.md §4). Every HTTPS request trusts
 * {@code tls} ({@code semp.trust_file}).
 */
public final class SempPeers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SempPeers.class);
    private static final Duration DNS_TIMEOUT = Duration.ofSeconds(5);

    /** The downgrade pins' file under {@code <data_dir>/semp} (GATEWAY.md §4). */
    static final String PINS_FILE = "discovery-pins";

    private final HttpsConfigurationFetcher configurations;
    private final SempDiscovery sempDiscovery;
    private final PeerDiscovery discovery;
    private final HttpsDomainKeys domainKeys;
    private final PeerDomainProofs proofs;
    private final UserKeysClient userKeys;
    private final PeerRecipientKeys recipientKeys;

    private SempPeers(HttpsConfigurationFetcher configurations, SempDiscovery sempDiscovery, HttpsDomainKeys domainKeys, PeerDomainProofs proofs,
            UserKeysClient userKeys, PeerRecipientKeys recipientKeys) {
        this.configurations = configurations;
        this.sempDiscovery = sempDiscovery;
        this.discovery = PeerDiscovery.of(sempDiscovery);
        this.domainKeys = domainKeys;
        this.proofs = proofs;
        this.userKeys = userKeys;
        this.recipientKeys = recipientKeys;
    }

    /**
     * @param pinDuration how long a domain seen speaking SEMP stays pinned ({@code policy.pin_duration})
     * @param stateDir where the pins are kept across restarts ({@code <data_dir>/semp})
     */
    public static SempPeers open(SempConfig semp, SSLContext tls, Duration pinDuration, Path stateDir, Clock clock) {
        Resolver resolver = semp.dnsResolver().<Resolver>map(a -> new SimpleResolver(a.socketAddress())).orElseGet(ExtendedResolver::new);
        resolver.setTimeout(DNS_TIMEOUT);
        HttpsConfigurationFetcher configurations = HttpsConfigurationFetcher.withDefaults(tls);
        // java.util.Random: RFC 2782 weighted SRV order, shared by every delivery thread, and thread-safe.
        SempDiscovery sempDiscovery = new SempDiscovery(resolver, configurations, clock, new Random(),
                DiscoveryConfig.defaults().withDnsTimeout(DNS_TIMEOUT).withPinDuration(pinDuration),
                Optional.of(PinJournal.at(stateDir.resolve(PINS_FILE))));
        PeerDiscovery discovery = PeerDiscovery.of(sempDiscovery);
        HttpsDomainKeys domainKeys = new HttpsDomainKeys(discovery, tls, clock);
        UserKeysClient userKeys = new UserKeysClient(discovery, domainKeys, tls, clock);
        LOG.info("semp: peer discovery through {}", semp.dnsResolver().map(a -> "resolver " + a).orElse("the system resolver"));
        return new SempPeers(configurations, sempDiscovery, domainKeys, new PeerDomainProofs(domainKeys, new DnsTxtLookup(resolver, DNS_TIMEOUT)),
                userKeys, new PeerRecipientKeys(discovery, domainKeys, userKeys, semp.suites(), clock));
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

    /** Peers' published user keys: senders' identity keys for the receiving side. */
    public UserKeysClient userKeys() {
        return userKeys;
    }

    /** Recipients' keys and the suite to compose with, for the sending side. */
    public PeerRecipientKeys recipientKeys() {
        return recipientKeys;
    }

    /** Closes the HTTPS clients and writes the downgrade pins. */
    @Override
    public void close() {
        userKeys.close();
        domainKeys.close();
        configurations.close();
        sempDiscovery.close();
    }
}
