package sempgw.semp.egress.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.Initiator;
import sempgw.core.handshake.SuiteChoice;
import sempgw.core.session.Session;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.discovery.SempConfiguration;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerKeys;

/**
 * Sets up a new session with a peer domain, in numbered steps, each failure a
 * {@link DeliveryException}:
 *
 * <ol>
 *   <li>Discovery must say {@code Semp} (DISCOVERY.md §7.1); its configuration document is the
 *   only source of endpoints and suites (§3.2.1, §5.6).</li>
 *   <li>No required extension we lack (DISCOVERY.md §3.1.4: MUST NOT proceed):
 *   {@code extension_unsupported}, terminal.</li>
 *   <li>The strongest suite both sides run, PQ preferred ({@link SuiteChoice}; HANDSHAKE.md §6.4);
 *   none is {@code policy_forbidden}, terminal, as the peer's responder would answer.</li>
 *   <li>Transports in {@link TransportOrder}; a connect failure moves to the next one, one
 *   at a time (TRANSPORT.md §5.4). Once the peer has received a message there is no fallback.</li>
 *   <li>The federation handshake ({@link HandshakeRun}). Whatever ends it other than an
 *   established session closes the connection.</li>
 * </ol>
 */
final class Handshakes {

    private static final Logger log = LoggerFactory.getLogger(Handshakes.class);

    private final FederationSettings settings;
    private final PeerDiscovery discovery;
    private final PeerKeys keys;
    private final Map<String, FederationTransport> transports;
    private final RandomSource random;

    Handshakes(FederationSettings settings, PeerDiscovery discovery, PeerKeys keys, Map<String, FederationTransport> transports,
               RandomSource random) {
        this.settings = settings;
        this.discovery = discovery;
        this.keys = keys;
        this.transports = transports;
        this.random = random;
    }

    private DiscoveryResult.Semp discovered(String domain) throws DeliveryException {
        return switch (discovery.discover(domain)) {
            case DiscoveryResult.Semp s -> s;
            case DiscoveryResult.Temporary t -> throw new DeliveryException("discovery of " + domain + ": " + t.cause() + ", " + t.detail());
            case DiscoveryResult.Legacy l -> throw new DeliveryException("discovery of " + domain + ": no SEMP (legacy), " + l.detail());
            case DiscoveryResult.OtherMajor o -> throw new DeliveryException("discovery of " + domain + ": another SEMP major version only, "
                    + o.declared());
            case DiscoveryResult.NotFound n -> throw new DeliveryException("discovery of " + domain + ": not found, " + n.detail());
        };
    }

    /**
     * The suite to open a session in, or the terminal reason the peer's document rules a session out:
     * an extension it requires that we lack ({@code extension_unsupported}, DISCOVERY.md §3.1.4), or
     * no suite in common ({@code policy_forbidden}).
     */
    private SuiteId usableSuite(String domain, SempConfiguration config) throws DeliveryException {
        List<String> missing = config.unsupportedRequiredExtensions(List.of());
        if (!missing.isEmpty()) {
            throw DeliveryException.impossible(SempReason.EXTENSION_UNSUPPORTED, domain + " requires extensions we do not support: "
                    + missing);
        }
        return SuiteChoice.strongestCommon(settings.suites(), peerSuites(config))
                .orElseThrow(() -> DeliveryException.impossible(SempReason.POLICY_FORBIDDEN, domain + " shares no suite with us: "
                        + config.suites()));
    }

    /**
     * The longest session we take from the peer: ours, or the {@code max-ttl} the peer publishes in
     * its {@code _semp} TXT record when shorter (HANDSHAKE.md §3.1: "implementations MUST respect
     * published TTL values"; the defaults when it publishes none).
     */
    private Duration sessionTtlCap(DiscoveryResult.Semp semp) {
        Duration published = semp.sessionTtl().maxTtl();
        return published.compareTo(settings.maxSessionTtl()) < 0 ? published : settings.maxSessionTtl();
    }

    PeerChannel establish(String domain, Instant now) throws DeliveryException {
        DiscoveryResult.Semp semp = discovered(domain);
        SuiteId suite;
        try {
            suite = usableSuite(domain, semp.configuration());
        } catch (DeliveryException ruledOut) {
            // A capability error from a cached document is checked against a fresh one before it is believed (DISCOVERY.md §3.5.3).
            discovery.invalidate(domain);
            semp = discovered(domain);
            suite = usableSuite(domain, semp.configuration());
        }
        SempConfiguration config = semp.configuration();
        Initiator.Config initiator = new Initiator.Config(suite, new Capabilities(settings.suites(), List.of(),
                OptionalLong.of(settings.maxEnvelopeSize()), OptionalLong.empty()), settings.local(), config.domain(), keys,
                settings.domainProof(), settings.policy(), settings.collisions(), settings.handshakeTimeout(), sessionTtlCap(semp));
        List<TransportOrder.Attempt> attempts = TransportOrder.attempts(config.federation(), transports, settings.preferWebSocket());
        if (attempts.isEmpty()) {
            throw new DeliveryException(domain + " advertises no federation transport we run: " + config.federation().byTransport().keySet());
        }
        List<String> failures = new ArrayList<>();
        for (TransportOrder.Attempt attempt : attempts) {
            Optional<PeerChannel> channel = attempt(domain, semp, initiator, attempt, now, failures);
            if (channel.isPresent()) {
                return channel.get();
            }
        }
        throw new DeliveryException("no transport to " + domain + " connected: " + failures);
    }

    private Optional<PeerChannel> attempt(String domain, DiscoveryResult.Semp semp, Initiator.Config initiator,
                                          TransportOrder.Attempt attempt, Instant now, List<String> failures) throws DeliveryException {
        String id = attempt.transport().id();
        TransportConnection connection;
        try {
            connection = attempt.transport().connect(attempt.endpoint());
        } catch (DeliveryException e) {
            failures.add(id + ": " + e.getMessage());
            log.info("federation {}: {} connect failed, {}", domain, id, e.getMessage());
            return Optional.empty();
        }
        Session session;
        try {
            session = HandshakeRun.run(initiator, connection, random, now);
        } catch (RuntimeException | Error e) {
            connection.close();
            throw e;
        } catch (DeliveryException e) {
            connection.close();
            if (e.connectFailure()) {
                failures.add(id + ": " + e.getMessage());
                log.info("federation {}: {} connect failed, {}", domain, id, e.getMessage());
                return Optional.empty();
            }
            if (e.refusedChallenge().isEmpty()) {
                // A challenge above the difficulty cap is logged once, with the mark it sets (FederationClient).
                log.warn("federation {}: handshake over {} failed: {}", domain, id, e.getMessage());
            }
            throw e;
        }
        long limit = Math.min(semp.maxEnvelopeSize(), session.terms().maxEnvelopeSize().orElse(Long.MAX_VALUE));
        log.info("federation {}: session {} established over {}, {}, expires {}", domain, session.id(), id, session.suite(),
                session.expiresAt());
        return Optional.of(new PeerChannel(initiator.peerDomain(), session, connection, id, limit));
    }

    private static List<SuiteId> peerSuites(SempConfiguration config) {
        return config.suites().stream().map(SuiteId::parse).flatMap(Optional::stream).toList();
    }
}
