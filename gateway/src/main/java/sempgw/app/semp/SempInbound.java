package sempgw.app.semp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import sempgw.app.config.SempConfig;
import sempgw.app.config.SempPolicies.FirstContactMode;
import sempgw.app.keys.DomainKeys;
import sempgw.app.mailbox.MailboxKeys;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.seal.DomainDecryptionKeys;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.semp.ingress.federation.FederationLimits;
import sempgw.semp.ingress.federation.FederationService;
import sempgw.semp.ingress.federation.SessionTable;
import sempgw.semp.ingress.inbox.QueueInbox;
import sempgw.semp.ingress.receive.DeliveredJournal;
import sempgw.semp.ingress.receive.FirstContactEnforcement;
import sempgw.semp.ingress.receive.InMemoryUserBlockList;
import sempgw.semp.ingress.receive.KnownCorrespondents;
import sempgw.semp.ingress.receive.KnownCorrespondentsJournal;
import sempgw.semp.ingress.receive.LocalUsers;
import sempgw.semp.ingress.receive.Mailboxes;
import sempgw.semp.ingress.receive.RateLimitPolicy;
import sempgw.semp.ingress.receive.ReceiveConfig;
import sempgw.semp.ingress.receive.ReceivePipeline;
import sempgw.semp.ingress.receive.ServerKeys;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.QueueKey;

/**
 * The receiving side behind the HTTPS listener: the {@link SessionTable}; the
 * {@link ReceivePipeline} (DELIVERY.md §3) with our domain keys, the local users
 * ({@code semp.mailboxes} and the provisioned mailboxes), an in-memory user block list, the
 * known-correspondent set kept in {@code <data_dir>/semp-known-correspondents}
 * ({@link KnownCorrespondentsJournal}), and the first-contact and rate-limit settings, storing through the
 * {@link InboxBridge} (provisioned mailboxes: converted and queued for the mailbox host) or into
 * a {@link QueueInbox} over the native inbox queue ({@code <data_dir>/semp-inbox}), durably
 * before {@code delivered}, with the duplicate-delivery set kept across restarts in
 * {@code <data_dir>/semp-delivered} ({@link DeliveredJournal}); and the {@link FederationService} responder, swept every
 * 5 s by a {@link SessionSweep} (CONFORMANCE.md §4.2). Domain and server
 * block entries are enforced at the handshake (DELIVERY.md §5.2), so the verifier's
 * domain-level policy delivers everything that reaches it.
 */
public final class SempInbound implements AutoCloseable {
    /** The inbox queue's directory under the data directory. */
    static final String INBOX_DIR = "semp-inbox";
    /** The duplicate-delivery set's file under the data directory ({@link DeliveredJournal}). */
    static final String DELIVERED_FILE = "semp-delivered";
    /** The known-correspondent set's file under the data directory ({@link KnownCorrespondentsJournal}). */
    static final String KNOWN_FILE = "semp-known-correspondents";

    private final FsQueue inbox;
    private final DeliveredJournal delivered;
    private final FederationService federation;
    private final SessionSweep sweeper;
    private final KnownCorrespondentsJournal known;

    private SempInbound(FsQueue inbox, DeliveredJournal delivered, FederationService federation, SessionSweep sweeper,
            KnownCorrespondentsJournal known) {
        this.inbox = inbox;
        this.delivered = delivered;
        this.federation = federation;
        this.sweeper = sweeper;
        this.known = known;
    }

    /**
     * Opens the inbox queue under {@code dataDir}, encrypted under {@code queueKeyFile}, and starts the responder over it.
     *
     * @throws IOException if the inbox queue cannot be opened
     */
    public static SempInbound start(SempConfig semp, DomainKeys keys, SempPeers peers, Path dataDir, Path queueKeyFile, MailboxKeys mailboxes,
            InboxBridge bridge, Clock clock) throws IOException {
        FsQueue inbox;
        try (QueueKey key = QueueKey.loadOrCreate(queueKeyFile)) {
            inbox = FsQueue.open(dataDir.resolve(INBOX_DIR), key, clock);
        }
        DeliveredJournal delivered = null;
        KnownCorrespondentsJournal known = null;
        try {
            ReceiveConfig config = receiveConfig(semp, keys.domain());
            delivered = DeliveredJournal.open(dataDir.resolve(DELIVERED_FILE), config.duplicateWindowCapacity(), clock.instant());
            known = KnownCorrespondentsJournal.open(dataDir.resolve(KNOWN_FILE), KnownCorrespondentsJournal.DEFAULT_CAPACITY);
            return start(semp, keys, peers, inbox, delivered, known, config, mailboxes, bridge, clock);
        } catch (RuntimeException e) {
            if (known != null) {
                known.close();
            }
            if (delivered != null) {
                delivered.close();
            }
            inbox.close();
            throw e;
        }
    }

    private static SempInbound start(SempConfig semp, DomainKeys keys, SempPeers peers, FsQueue inbox, DeliveredJournal delivered,
            KnownCorrespondentsJournal known, ReceiveConfig config, MailboxKeys mailboxes, InboxBridge bridge, Clock clock) {
        SessionTable sessions = new SessionTable(FederationLimits.DEFAULTS.withMaxSessions(semp.sessions().max()), clock);
        ReceivePipeline pipeline = new ReceivePipeline(config,
                new ServerKeys(peers.domainKeys(), decryptionKeys(semp, keys), keys.signing()), sessions,
                (postmark, brief) -> PolicyDecision.deliver(),
                new LocalUsers(localUsers(ConfiguredMailboxes.of(semp), mailboxes), new InMemoryUserBlockList(), known),
                bridge.inbox(new QueueInbox(inbox), mailboxes, peers.userKeys()), RandomSource.secure(), delivered);
        FederationService federation = new FederationService(
                SempFederation.config(semp, keys, peers.domainKeys(), peers.proofs(), pipeline::receive), sessions);
        return new SempInbound(inbox, delivered, federation, SessionSweep.start("semp-sweep", federation::sweep, clock), known);
    }

    /** The receive pipeline's settings from {@code [semp]}; first contact as the key documents publish it (KEY.md §3.2.2). */
    static ReceiveConfig receiveConfig(SempConfig semp, String domain) {
        FirstContactEnforcement firstContact = semp.firstContact().mode() == FirstContactMode.CHALLENGE
                ? FirstContactEnforcement.challenge(semp.firstContact().difficulty())
                : FirstContactEnforcement.open();
        return ReceiveConfig.defaults(Set.of(domain)).withMaxEnvelopeSize(Math.toIntExact(semp.maxEnvelopeSize()))
                .withFirstContact(firstContact)
                .withRateLimit(new RateLimitPolicy(semp.rateLimit().perDomainHour(), semp.rateLimit().silentFor()));
    }

    /** Our local users: the configured {@code semp.mailboxes} and every provisioned mailbox, each lookup the same work (DELIVERY.md §6.4.3). */
    static Mailboxes localUsers(ConfiguredMailboxes configured, MailboxKeys provisioned) {
        return address -> configured.exists(address) | provisioned.provisioned(address);
    }

    /** Our encryption keys of the configured suites, for envelopes to our domain (ENVELOPE.md §7.2 step 5). */
    static DomainDecryptionKeys decryptionKeys(SempConfig semp, DomainKeys keys) {
        List<DomainEncryptionPrivateKey> ours = semp.suites().stream().flatMap(s -> keys.encryption(s).stream()).toList();
        return toDomain -> toDomain.equalsIgnoreCase(keys.domain()) ? ours : List.of();
    }

    /** The responder the listener hands conversations to. */
    public FederationService federation() {
        return federation;
    }

    /** The inbox queue: one entry per accepted envelope, content = the envelope as received. */
    public FsQueue inbox() {
        return inbox;
    }

    /**
     * Who our local users correspond with (DELIVERY.md §6.4.1): the bridge (and the outbox) record
     * every peer domain a local user sends to, the receive pipeline every sender that delivered
     * under a first-contact token (§6.4.4), so their mail is not first contact and does not count
     * against the per-sender-domain rate limit (§6.5). Kept across restarts, bounded
     * ({@link KnownCorrespondentsJournal}).
     */
    public KnownCorrespondents knownCorrespondents() {
        return known;
    }

    /** Stops the sweeper, zeroes every session key, then closes the known-correspondent and duplicate-delivery journals and the inbox queue. */
    @Override
    public void close() throws IOException {
        sweeper.close();
        federation.close();
        known.close();
        delivered.close();
        inbox.close();
    }
}
