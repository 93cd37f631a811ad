package sempgw.app.bridge;

import java.util.Locale;
import java.util.Set;
import sempgw.app.mailbox.MailboxKeys;
import sempgw.policy.DeliveryMode;
import sempgw.policy.PeerStatus;
import sempgw.policy.PolicyTable;
import sempgw.policy.Route;
import sempgw.policy.Router;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.PeerDiscovery;

/**
 * The route of one recipient: the organisation's policy ({@code [policy]}, GATEWAY.md §4) for the
 * sender and the recipient domain, the author's {@code SEMP-Require}, whether the sender has a
 * provisioned mailbox to sign with, and what discovery says of the domain (DISCOVERY.md §7),
 * decided by {@link Router}. Discovery is asked only when its answer matters: never for our own
 * domains (the mailbox host's), a domain the policy keeps on SMTP, or a sender without a mailbox
 * (who cannot send by SEMP whatever the domain publishes). Blocking: discovery may query DNS and HTTPS.
 */
final class Routes {
    private final PolicyTable policy;
    private final Set<String> localDomains;
    private final PeerDiscovery discovery;
    private final MailboxKeys mailboxes;

    /** @param localDomains our domains, lower case: the SEMP domain and {@code smtp.local_domains} */
    Routes(PolicyTable policy, Set<String> localDomains, PeerDiscovery discovery, MailboxKeys mailboxes) {
        this.policy = policy;
        this.localDomains = Set.copyOf(localDomains);
        this.discovery = discovery;
        this.mailboxes = mailboxes;
    }

    /** Whether {@code sender} is a provisioned mailbox, for which the gateway acts as the SEMP client. */
    boolean fromMailbox(String sender) {
        return !sender.isEmpty() && mailboxes.provisioned(sender);
    }

    /** Whether {@code domain} is ours: its mail goes to the mailbox host. */
    boolean local(String domain) {
        return localDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    Route route(String sender, String recipientDomain, boolean authorRequiresSemp) {
        String domain = recipientDomain.toLowerCase(Locale.ROOT);
        boolean local = localDomains.contains(domain);
        DeliveryMode mode = policy.modeFor(sender, domain, authorRequiresSemp);
        boolean hasMailbox = fromMailbox(sender);
        boolean asks = !local && mode != DeliveryMode.SMTP_ONLY && hasMailbox;
        PeerStatus peer = asks ? status(discovery.discover(domain)) : PeerStatus.LEGACY;
        return Router.route(mode, peer, hasMailbox, local);
    }

    /** What discovery concluded, as policy sees it; a question left unanswered is never "legacy". */
    static PeerStatus status(DiscoveryResult result) {
        return switch (result) {
            case DiscoveryResult.Semp s -> PeerStatus.SEMP;
            case DiscoveryResult.Legacy l -> PeerStatus.LEGACY;
            case DiscoveryResult.NotFound n -> PeerStatus.NO_MAIL;
            case DiscoveryResult.OtherMajor o -> PeerStatus.otherMajor(o.declared(), o.acceptsSmtp());
            case DiscoveryResult.Temporary t -> PeerStatus.unknown(t.detail());
        };
    }
}
