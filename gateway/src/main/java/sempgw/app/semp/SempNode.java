package sempgw.app.semp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.config.GatewayConfig;
import sempgw.app.config.SempConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.app.mailbox.MailboxLock;
import sempgw.app.mailbox.MailboxStore;
import sempgw.app.mailbox.RetiredKeySweep;
import sempgw.app.tls.PeerTrust;
import sempgw.app.tls.ServerCredentials;
import sempgw.semp.egress.delivery.DeliveredReceipts;
import sempgw.semp.egress.delivery.SempDeliveryAgent;
import sempgw.semp.ingress.documents.Documents;
import sempgw.semp.ingress.documents.InMemoryUserKeyDirectory;
import sempgw.semp.ingress.receive.KnownCorrespondents;

/**
 * The SEMP side of a running gateway ({@code [semp] enabled = true}), and the small facade tests
 * and the SEMP-SMTP bridge use. Starts, in order: domain keys and sender queue
 * ({@link SempComponents}); the mailbox lock, the user key directory ({@link SempUserKeys}) and
 * the mailbox store over it ({@link MailboxStore}); the documents
 * ({@link SempDocuments}); peer discovery and keys ({@link SempPeers}); the receiving side
 * ({@link SempInbound}: session table, receive pipeline into the inbox queue, federation
 * responder and its sweep); the HTTPS listener ({@link SempServer}); the sender
 * ({@link SempSender}). {@link #close()} stops them in reverse order, so the listener stops
 * accepting before the inbox closes, and the keys are destroyed last.
 */
public final class SempNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SempNode.class);
    /** The verified delivery receipts of what we sent, under the data directory ({@link DeliveredReceipts}). */
    public static final String RECEIPTS_DIR = "semp-receipts";

    private final Deque<AutoCloseable> started;
    private final int httpsPort;
    private final SempOutbox outbox;
    private final InMemoryUserKeyDirectory keyDirectory;
    private final SempInbox inbox;
    private final SempInbound inbound;
    private final MailboxStore mailboxes;
    private final SempPeers peers;
    private final SempSender sender;

    private SempNode(Deque<AutoCloseable> started, int httpsPort, SempOutbox outbox, InMemoryUserKeyDirectory keyDirectory, SempInbox inbox,
            SempInbound inbound, MailboxStore mailboxes, SempPeers peers, SempSender sender) {
        this.started = started;
        this.httpsPort = httpsPort;
        this.outbox = outbox;
        this.keyDirectory = keyDirectory;
        this.inbox = inbox;
        this.inbound = inbound;
        this.mailboxes = mailboxes;
        this.peers = peers;
        this.sender = sender;
    }

    /**
     * Starts every SEMP component; on failure closes whatever had started and rethrows.
     *
     * @param tls the gateway's certificate and key, presented by the HTTPS listener
     * @param bridge where envelopes for provisioned mailboxes go ({@link InboxBridge#NONE}: the native inbox)
     */
    public static SempNode start(GatewayConfig config, ServerCredentials tls, InboxBridge bridge, Clock clock) throws IOException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            SempConfig semp = config.semp();
            SempComponents base = push(started, SempComponents.start(config, clock));
            DomainKeys keys = base.keys();
            Path state = SempDocuments.stateDir(config.dataDir());
            MailboxLock lock = push(started, MailboxLock.acquire(config.dataDir()));
            SempUserKeys userKeys = push(started, SempUserKeys.open(state, keys));
            MailboxStore mailboxes = push(started, MailboxStore.open(lock, userKeys.directory(), keys.domain(), clock));
            push(started, RetiredKeySweep.start(mailboxes));
            Documents documents = SempDocuments.open(semp, keys, userKeys.directory(), state, clock);
            SSLContext peerTls = PeerTrust.context(semp.trustFile());
            SempPeers peers = push(started, SempPeers.open(semp, peerTls, config.policy().pinDuration(), state, clock));
            SempInbound inbound = push(started, SempInbound.start(semp, keys, peers, config.dataDir(), config.queue().keyFile(), mailboxes, bridge,
                    clock));
            SempServer server = push(started, SempServer.start(semp, documents, tls, inbound.federation(), clock));
            DeliveredReceipts receipts = push(started, DeliveredReceipts.open(config.dataDir().resolve(RECEIPTS_DIR), clock));
            SempSender sender = push(started, SempSender.start(semp, keys, base.senderQueue(), peers.discovery(), peers.domainKeys(), peerTls,
                    receipts, new DeliveryFailureLog(), clock));
            LOG.info("semp: {} started: https port {}, advertised https://{}:{}", keys.domain(), server.port(), semp.publicHost(), semp.publicPort());
            return new SempNode(started, server.port(), new SempOutbox(keys.domain(), base.senderQueue(), sender, inbound.knownCorrespondents()),
                    userKeys.directory(), new SempInbox(inbound.inbox()), inbound, mailboxes, peers, sender);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAll(started);
            throw new InterruptedIOException("interrupted while starting the SEMP listener");
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** The port the HTTPS listener is bound to (the real one when {@code semp.listen} has port 0). */
    public int httpsPort() {
        return httpsPort;
    }

    /** Where composed envelopes are queued for delivery to peer domains. */
    public SempOutbox outbox() {
        return outbox;
    }

    /** The user keys our key documents publish: provision a mailbox and publish its identity and encryption keys here. */
    public InMemoryUserKeyDirectory keyDirectory() {
        return keyDirectory;
    }

    /** The envelopes received for our mailboxes. */
    public SempInbox inbox() {
        return inbox;
    }

    /** The provisioned mailboxes and their keys (the mailbox agent's store). */
    public MailboxStore mailboxes() {
        return mailboxes;
    }

    /** Discovery, peers' domain and user keys. */
    public SempPeers peers() {
        return peers;
    }

    /** The SEMP delivery agent (seal, send, verify the receipt) over the federation sessions. */
    public SempDeliveryAgent deliveryAgent() {
        return sender.agent();
    }

    /**
     * Who our local users correspond with, as the receive pipeline consults it (DELIVERY.md
     * §6.4.1): the bridge records each peer domain a mailbox sends to.
     */
    public KnownCorrespondents knownCorrespondents() {
        return inbound.knownCorrespondents();
    }

    /** Live inbound federation sessions (one per peer domain). */
    public int inboundSessions() {
        return inbound.federation().sessions().size();
    }

    @Override
    public void close() {
        closeAll(started);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T component) {
        started.push(component);
        return component;
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.error("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
