package sempgw.app.demo;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the gateways' own log events into {@link Hop}s: the discovery result for the recipient's
 * domain ({@code SempDiscovery}), the federation session the sender established and its suite
 * ({@code Handshakes}), the sealed envelope as the receiving gateway stored it
 * ({@code QueueInbox}), the verified delivery receipt ({@code SempDeliveryAgent}), and the
 * receiving gateway's bridge opening it for the mailbox ({@code MailboxInbox}), and its delivery
 * to the mailbox host ({@code DeliveryLog}, recognised by the sink's port in the relay). Failures of those same steps become {@link Hop.Kind#PROBLEM}.
 * Anything else is not a hop. Pure: the patterns follow the log lines of those classes, and
 * {@code HopRecognizerTest} pins them to lines the real gateways write.
 */
final class HopRecognizer {
    static final String DISCOVERY = "sempgw.semp.egress.discovery.SempDiscovery";
    static final String HANDSHAKES = "sempgw.semp.egress.federation.Handshakes";
    static final String INBOX = "sempgw.semp.ingress.inbox.QueueInbox";
    static final String DELIVERY_AGENT = "sempgw.semp.egress.delivery.SempDeliveryAgent";
    static final String DELIVERY_LOG = "sempgw.app.qmgr.DeliveryLog";
    static final String MAILBOX_INBOX = "sempgw.app.bridge.MailboxInbox";
    static final String SEMP_ROUTE = "sempgw.app.bridge.SempRoute";
    /** The loggers whose INFO events carry the hops. */
    static final List<String> LOGGERS = List.of(DISCOVERY, HANDSHAKES, INBOX, DELIVERY_AGENT, DELIVERY_LOG, MAILBOX_INBOX, SEMP_ROUTE);

    private static final Pattern SEMP_FOUND = Pattern.compile("^discovery (\\S+): semp via (\\S+) revision (\\d+)");
    private static final Pattern NOT_SEMP = Pattern.compile("^discovery (\\S+): (legacy|not found|temporary failure)[, ](.*)$");
    private static final Pattern SESSION = Pattern.compile("^federation (\\S+): session (\\S+) established over (\\S+), (\\S+), expires");
    private static final Pattern HANDSHAKE_FAILED = Pattern.compile("^federation (\\S+): (handshake over \\S+ failed: .*)$");
    private static final Pattern STORED = Pattern.compile("^\\S+: envelope (\\S+) from (\\S+) queued for \\d+ local recipient\\(s\\), (\\d+) bytes$");
    private static final Pattern BRIDGED = Pattern.compile("^\\S+: envelope (\\S+) from (\\S+) queued for a mailbox(?:, (\\d+) bytes sealed)?$");
    private static final Pattern NOT_OPENED = Pattern.compile("^envelope (\\S+) from (\\S+) for a mailbox not opened: (.*)$");
    private static final Pattern REFUSED = Pattern.compile("^\\S+: semp peer=(\\S+) outcome=(\\S+) recipients=\\d+: (.*)$");
    private static final Pattern OUTCOME = Pattern.compile("^\\S+: semp peer=(\\S+) outcome=(\\S+) code=(\\S+)(?: recipients=\\d+)?(.*)$");
    private static final Pattern RECEIPT = Pattern.compile("^(?: envelope=\\S+)? receipt_key=(\\S+)$");
    /** smtp-egress's reply text: {@code host 127.0.0.1[127.0.0.1]:2525 said: 250 Ok (in reply to end of DATA command)}. */
    private static final Pattern REMOTE_REPLY = Pattern.compile("said: (.*?)(?: \\(in reply to [^)]*\\))?$");
    private static final Pattern DELIVERY = Pattern.compile("^\\S+: to=<([^>]*)>, relay=([^,]*), delay=[^,]*, status=(\\w+) \\((.*)\\)$");

    private static final int KEY_ID_SHOWN = 16;

    private final String recipientDomain;
    private final String sinkRelay;

    /**
     * @param recipientDomain the domain the demo message goes to
     * @param sinkPort the mailbox host's port, as it appears in the receiving gateway's {@code relay=}
     */
    HopRecognizer(String recipientDomain, int sinkPort) {
        this.recipientDomain = recipientDomain;
        this.sinkRelay = ":" + sinkPort;
    }

    Optional<Hop> recognise(String logger, String message) {
        return switch (logger) {
            case DISCOVERY -> discovery(message);
            case HANDSHAKES -> handshake(message);
            case INBOX -> match(STORED, message).map(m -> new Hop(Hop.Kind.SEALED,
                    "envelope " + m.group(1) + " from " + m.group(2) + " received sealed: " + m.group(3) + " bytes"));
            case DELIVERY_AGENT -> outcome(message);
            case DELIVERY_LOG -> delivery(message);
            case MAILBOX_INBOX -> bridged(message);
            case SEMP_ROUTE -> match(REFUSED, message).filter(m -> m.group(1).equals(recipientDomain))
                    .map(m -> new Hop(Hop.Kind.PROBLEM, "semp delivery to " + m.group(1) + ": " + m.group(2) + ", " + m.group(3)));
            default -> Optional.empty();
        };
    }

    private Optional<Hop> discovery(String message) {
        Optional<Matcher> semp = match(SEMP_FOUND, message).filter(m -> m.group(1).equals(recipientDomain));
        if (semp.isPresent()) {
            Matcher m = semp.get();
            return Optional.of(new Hop(Hop.Kind.DISCOVERY, m.group(1) + " speaks SEMP: configuration from https://" + m.group(2)
                    + "/, revision " + m.group(3)));
        }
        return match(NOT_SEMP, message).filter(m -> m.group(1).equals(recipientDomain))
                .map(m -> new Hop(Hop.Kind.PROBLEM, "discovery of " + m.group(1) + ": " + m.group(2) + ", " + m.group(3).strip()));
    }

    private Optional<Hop> handshake(String message) {
        Optional<Matcher> session = match(SESSION, message).filter(m -> m.group(1).equals(recipientDomain));
        if (session.isPresent()) {
            Matcher m = session.get();
            return Optional.of(new Hop(Hop.Kind.HANDSHAKE, "federation session with " + m.group(1) + " over " + m.group(3)
                    + ", suite " + m.group(4)));
        }
        return match(HANDSHAKE_FAILED, message).filter(m -> m.group(1).equals(recipientDomain))
                .map(m -> new Hop(Hop.Kind.PROBLEM, m.group(1) + ": " + m.group(2)));
    }

    /** The receiving gateway's bridge opened an envelope for a provisioned mailbox and queued it for the mailbox host. */
    private static Optional<Hop> bridged(String message) {
        Optional<Hop> queued = match(BRIDGED, message).map(m -> m.group(3) == null
                ? new Hop(Hop.Kind.OPENED, "envelope " + m.group(1) + " from " + m.group(2) + " opened and queued for the mailbox host")
                : new Hop(Hop.Kind.SEALED, "envelope " + m.group(1) + " from " + m.group(2) + " received sealed: " + m.group(3)
                        + " bytes; opened and queued for the mailbox host"));
        return queued.or(() -> match(NOT_OPENED, message).map(m -> new Hop(Hop.Kind.PROBLEM,
                "envelope " + m.group(1) + " from " + m.group(2) + " not opened: " + m.group(3))));
    }

    private Optional<Hop> outcome(String message) {
        Optional<Matcher> outcome = match(OUTCOME, message).filter(m -> m.group(1).equals(recipientDomain));
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = outcome.get();
        Optional<Matcher> receipt = match(RECEIPT, m.group(4));
        if (m.group(2).equals("delivered") && receipt.isPresent()) {
            return Optional.of(new Hop(Hop.Kind.RECEIPT, m.group(1) + " delivered; its signed receipt verified (key "
                    + abbreviated(receipt.get().group(1)) + ")"));
        }
        return Optional.of(new Hop(Hop.Kind.PROBLEM, "semp delivery to " + m.group(1) + ": " + m.group(2) + " (" + m.group(3) + ")"
                + m.group(4)));
    }

    private Optional<Hop> delivery(String message) {
        return match(DELIVERY, message).filter(m -> m.group(2).endsWith(sinkRelay)).map(m -> {
            String reply = match(REMOTE_REPLY, m.group(4)).map(r -> r.group(1)).orElse(m.group(4));
            return m.group(3).equals("sent")
                    ? new Hop(Hop.Kind.MAILBOX, recipientDomain + " handed <" + m.group(1) + "> to the mailbox host: " + reply)
                    : new Hop(Hop.Kind.PROBLEM, "delivery of <" + m.group(1) + "> to the mailbox host " + m.group(3) + ": " + reply);
        });
    }

    /** A key id as people compare them: its first 16 hex digits. */
    private static String abbreviated(String keyId) {
        return keyId.length() <= KEY_ID_SHOWN ? keyId : keyId.substring(0, KEY_ID_SHOWN) + "...";
    }

    private static Optional<Matcher> match(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? Optional.of(m) : Optional.empty();
    }
}
