package sempgw.smtp.ingress.policy;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.smtp.ingress.protocol.Mailbox;
import sempgw.smtp.ingress.protocol.Replies;

/**
 * Who may send mail where: the gateway is never an open relay (RFC 5321 §3.6.1, RFC 2505).
 * Steps for each recipient, in order, as Postfix's {@code permit_mynetworks,
 * permit_sasl_authenticated, reject_unauth_destination} with {@code smtpd_reject_unlisted_recipient}:
 * <ol>
 * <li>a recipient in a local domain is accepted if the {@link RecipientValidator} knows it
 *     -> else {@code 550 5.1.1}; a failed lookup -> {@code 451 4.3.0};</li>
 * <li>any other recipient is relayed for a client in a relay network;</li>
 * <li>or for an authenticated client;</li>
 * <li>anything else -> {@code 554 5.7.1 Relay access denied}.</li>
 * </ol>
 */
public final class RelayPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(RelayPolicy.class);

    private final List<CidrRange> relayNetworks;
    private final Set<String> localDomains;
    private final RecipientValidator validator;

    public RelayPolicy(List<CidrRange> relayNetworks, Set<String> localDomains, RecipientValidator validator) {
        this.relayNetworks = List.copyOf(relayNetworks);
        this.localDomains = localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.validator = validator;
    }

    public RcptDecision decide(InetAddress client, boolean authenticated, Mailbox recipient) {
        if (localDomains.contains(recipient.domainKey())) {
            return local(recipient);
        }
        if (mayRelay(client)) {
            return new RcptDecision.Accept("relay-network");
        }
        if (authenticated) {
            return new RcptDecision.Accept("authenticated");
        }
        return new RcptDecision.Refuse(Replies.relayDenied(recipient.address()));
    }

    /** True if the client's address lies in a relay network. */
    public boolean mayRelay(InetAddress client) {
        return relayNetworks.stream().anyMatch(n -> n.contains(client));
    }

    private RcptDecision local(Mailbox recipient) {
        boolean exists;
        try {
            exists = validator.exists(recipient.normalized());
        } catch (RuntimeException e) {
            LOG.warn("recipient lookup failed for domain {}: {}", recipient.domainKey(), e.toString());
            return new RcptDecision.Refuse(Replies.LOOKUP_FAILED);
        }
        return exists ? new RcptDecision.Accept("local") : new RcptDecision.Refuse(Replies.unknownUser(recipient.address()));
    }
}
