package sempgw.app.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.agent.VerificationHeader;
import sempgw.app.bridge.FirstAttempts.Mark;
import sempgw.app.qmgr.DestinationResolver;
import sempgw.policy.Route;
import sempgw.policy.SempRequireHeader;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

/**
 * The main queue's delivery agent once the bridge runs (GATEWAY.md §3 flows 1, 2, 4): routes each
 * recipient ({@link Routes}) and hands it to the agent of its route.
 * <ul>
 *   <li>SMTP: the SMTP delivery agent, the content streamed through a header rewrite that
 *   removes the author's {@code SEMP-Require} (GATEWAY.md §4) and, for mail from a provisioned
 *   mailbox to another domain, removes any {@code Bcc} and {@code Resent-Bcc} field (blind recipients are carried only in
 *   RCPT TO, CONFORMANCE.md §5.7) and adds the upgrade-signal headers (CLIENT.md §6.4.3); our own
 *   domains (the mailbox host) in a call of their own, without them, each message with exactly one
 *   {@code SEMP-Verification} field (GATEWAY.md §6, CLIENT.md §4.3.3): the one {@link MailboxInbox}
 *   wrote on mail that came by SEMP, else any such field removed and {@link LegacyOrigin}'s put first;</li>
 *   <li>SEMP: {@link SempRoute}, one call per recipient domain (mixed recipient lists are split,
 *   never downgraded as a whole: CLIENT.md §6.4.5);</li>
 *   <li>refused by policy: failed with the policy's 5.7.x reply; undecidable (DNS trouble): deferred.</li>
 * </ul>
 * Every recipient's outcome is also marked for the SMTP client still waiting at DATA
 * ({@link FirstAttempts}). Thread-safe; blocking (the queue manager calls it on a virtual thread).
 */
final class RoutingAgent implements DeliveryAgent {
    /** The prefix of a SEMP peer's destination name: {@code semp:<domain>}. */
    static final String SEMP_DESTINATION = "semp:";
    private static final Logger LOG = LoggerFactory.getLogger(RoutingAgent.class);
    private static final int MAX_REMEMBERED = 100_000;
    private static final Set<String> AUTHOR_ONLY = Set.of(SempRequireHeader.NAME.toLowerCase(Locale.ROOT));
    /**
     * A mailbox's blind recipients travel only in RCPT TO, never in a {@code Bcc} field
     * (CONFORMANCE.md §5.7), nor in a resent block's {@code Resent-Bcc} (RFC 5322 §3.6.6).
     */
    private static final Set<String> AUTHOR_ONLY_AND_BCC = Set.of(SempRequireHeader.NAME.toLowerCase(Locale.ROOT), "bcc", "resent-bcc");
    /** Mail that did not come by SEMP gets our verification field only, never one it carried (GATEWAY.md §3 flow 4). */
    private static final Set<String> AUTHOR_ONLY_AND_VERIFICATION = Set.of(SempRequireHeader.NAME.toLowerCase(Locale.ROOT),
            VerificationHeader.NAME.toLowerCase(Locale.ROOT));

    private final Routes routes;
    private final DeliveryAgent smtp;
    private final SempRoute semp;
    private final UpgradeSignal upgrade;
    private final LegacyOrigin origins;
    private final FirstAttempts attempts;
    private final Set<String> sempDomains = ConcurrentHashMap.newKeySet();

    RoutingAgent(Routes routes, DeliveryAgent smtp, SempRoute semp, UpgradeSignal upgrade, LegacyOrigin origins, FirstAttempts attempts) {
        this.routes = routes;
        this.smtp = smtp;
        this.semp = semp;
        this.upgrade = upgrade;
        this.origins = origins;
        this.attempts = attempts;
    }

    @Override
    public List<DeliveryResult> deliver(QueueEntry entry, List<Recipient> recipients, ContentSource content) {
        String sender = entry.sender().reversePath();
        HeaderSection header;
        try (InputStream in = content.open()) {
            header = HeaderSection.read(in);
        } catch (IOException e) {
            LOG.warn("{}: cannot read the queued message: {}", entry.id(), e.toString());
            DeliveryResult unreadable = new DeliveryResult.Deferred("451 4.3.0 queued message unreadable");
            recipients.forEach(r -> attempts.mark(entry.id(), r.address(), new Mark.Tried(unreadable)));
            return recipients.stream().map(r -> unreadable).toList();
        }
        boolean required = header.values(SempRequireHeader.NAME).stream().anyMatch(SempRequireHeader::requested);
        DeliveryResult[] results = new DeliveryResult[recipients.size()];
        List<Integer> viaSmtp = new ArrayList<>();
        List<Integer> toMailboxHost = new ArrayList<>();
        Map<String, List<Integer>> viaSemp = new LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            switch (routes.route(sender, r.domain(), required)) {
                case Route.ViaSmtp _ -> (routes.local(r.domain()) ? toMailboxHost : viaSmtp).add(i);
                case Route.ViaSemp _ -> viaSemp.computeIfAbsent(r.domain(), d -> new ArrayList<>()).add(i);
                case Route.Refuse(var status) -> results[i] = new DeliveryResult.Failed("smtp", status.toString());
                case Route.Defer(var status) -> results[i] = new DeliveryResult.Deferred(status.toString());
            }
            if (results[i] != null) {
                attempts.mark(entry.id(), r.address(), new Mark.Tried(results[i]));
            }
        }
        // The SMTP client waits at DATA for SEMP outcomes only, never for an SMTP delivery.
        viaSmtp.forEach(i -> attempts.mark(entry.id(), recipients.get(i).address(), new Mark.Smtp()));
        toMailboxHost.forEach(i -> attempts.mark(entry.id(), recipients.get(i).address(), new Mark.Smtp()));
        remember(viaSemp.keySet(), recipients, viaSmtp);
        viaSemp.forEach((domain, indices) -> {
            fill(results, indices, semp.deliver(entry, domain, pick(recipients, indices), content));
            indices.forEach(i -> attempts.mark(entry.id(), recipients.get(i).address(), new Mark.Tried(results[i])));
        });
        List<String> signal = upgrade.fields(sender);
        Set<String> dropped = routes.fromMailbox(sender) ? AUTHOR_ONLY_AND_BCC : AUTHOR_ONLY;
        if (!viaSmtp.isEmpty()) {
            fill(results, viaSmtp, smtp.deliver(entry, pick(recipients, viaSmtp), () -> rewritten(content, dropped, signal)));
        }
        if (!toMailboxHost.isEmpty()) {
            fill(results, toMailboxHost, smtp.deliver(entry, pick(recipients, toMailboxHost), forMailboxHost(entry, header, content)));
        }
        return List.of(results);
    }

    /** The content for the mailbox host: exactly one {@code SEMP-Verification} field, first (GATEWAY.md §6). */
    private ContentSource forMailboxHost(QueueEntry entry, HeaderSection header, ContentSource content) {
        if (entry.origin().protocol().equals(MailboxInbox.PROTOCOL)) {
            return () -> rewritten(content, AUTHOR_ONLY, List.of());
        }
        String field = VerificationHeader.NAME + ": " + VerificationHeader.render(origins.of(entry.id(), header));
        return () -> rewritten(content, AUTHOR_ONLY_AND_VERIFICATION, List.of(field));
    }

    /**
     * The queue manager's destination of a recipient: {@code semp:<domain>} for a domain last
     * routed to SEMP, so its log lines name SEMP and its deliveries are limited apart from the
     * SMTP next hop's; otherwise the SMTP agent's. Routing happens at delivery, so a domain's
     * first message is named by SMTP.
     */
    DestinationResolver destinations(DestinationResolver smtpDestinations) {
        return r -> sempDomains.contains(r.domain().toLowerCase(Locale.ROOT)) ? SEMP_DESTINATION + r.domain().toLowerCase(Locale.ROOT)
                : smtpDestinations.destinationOf(r);
    }

    /** Whether {@code destination}, from {@link #destinations}, is a SEMP peer. */
    static boolean isSemp(String destination) {
        return destination.startsWith(SEMP_DESTINATION);
    }

    private void remember(Set<String> semp, List<Recipient> recipients, List<Integer> viaSmtp) {
        if (sempDomains.size() < MAX_REMEMBERED) {
            semp.forEach(d -> sempDomains.add(d.toLowerCase(Locale.ROOT)));
        }
        viaSmtp.forEach(i -> sempDomains.remove(recipients.get(i).domain().toLowerCase(Locale.ROOT)));
    }

    /** The content as SMTP delivers it: the {@code dropped} fields gone, {@code added} first. */
    private static InputStream rewritten(ContentSource content, Set<String> dropped, List<String> added) throws IOException {
        InputStream in = content.open();
        try {
            return HeaderSection.read(in).rewrite(in, dropped, added);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static List<Recipient> pick(List<Recipient> recipients, List<Integer> indices) {
        return indices.stream().map(recipients::get).toList();
    }

    private static void fill(DeliveryResult[] results, List<Integer> indices, List<DeliveryResult> delivered) {
        for (int k = 0; k < indices.size(); k++) {
            results[indices.get(k)] = delivered.get(k);
        }
    }
}
