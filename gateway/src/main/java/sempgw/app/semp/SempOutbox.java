package sempgw.app.semp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.semp.ingress.receive.KnownCorrespondents;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

/**
 * The way into the SEMP sender queue: one composed, unsealed envelope (semp-core
 * {@code EnvelopeComposer}) becomes one queue entry, its content the envelope's
 * {@link EnvelopeCodec} JSON, one queue recipient per address the envelope was composed for
 * (all at {@code postmark.to_domain}). The sender seals it per attempt for the session it uses
 * (docs/interop.md, "retry over a new session"); the retry schedule and horizon are DELIVERY.md §2.3 and §2.4.
 */
public final class SempOutbox {
    /** {@link Origin#protocol()} of entries submitted here. */
    public static final String PROTOCOL = "SEMP-SUBMIT";
    private static final Logger LOG = LoggerFactory.getLogger(SempOutbox.class);

    private final String domain;
    private final MessageQueue queue;
    private final SempSender sender;
    private final KnownCorrespondents known;

    SempOutbox(String domain, MessageQueue queue, SempSender sender, KnownCorrespondents known) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.queue = queue;
        this.sender = sender;
        this.known = known;
    }

    /**
     * Queues {@code composed} for delivery to its {@code postmark.to_domain}; durable (fsync'd)
     * when this returns. The sender now corresponds with that domain (DELIVERY.md §6.4.1: "R sent
     * to S"), so mail back from it is not first contact.
     *
     * @param from the sender's address ({@code brief.from}), at our domain; kept for the
     *     notification a future bridge sends when delivery fails
     * @throws IllegalArgumentException if the envelope is not from our domain, is addressed to it
     *     (local mail never leaves over federation), or a recipient is not at {@code postmark.to_domain}
     * @throws IOException if the entry could not be stored; nothing is queued then
     */
    public QueueId submit(ComposedEnvelope composed, String from) throws IOException {
        Postmark p = composed.envelope().postmark();
        check(p.fromDomain().equalsIgnoreCase(domain), "postmark.from_domain is not " + domain);
        check(domainOf(from).equals(domain), "the sender address is not at " + domain);
        check(!p.toDomain().equalsIgnoreCase(domain), "postmark.to_domain is our own domain");
        List<String> recipients = composed.recipients();
        check(recipients.stream().allMatch(r -> domainOf(r).equals(p.toDomain().toLowerCase(Locale.ROOT))),
                "every recipient must be at postmark.to_domain");
        byte[] json = EnvelopeCodec.encode(composed.envelope());
        boolean utf8 = !StandardCharsets.US_ASCII.newEncoder().canEncode(from);
        Sender sender = new Sender(from, Optional.empty(), Optional.empty(), Sender.BodyType.EIGHT_BIT_MIME, utf8);
        try (Submission s = queue.begin(sender, new Origin(InetAddress.getLoopbackAddress(), domain, PROTOCOL, Optional.empty()))) {
            recipients.forEach(r -> s.addRecipient(Recipient.of(r)));
            try (OutputStream out = s.content()) {
                out.write(json);
            }
            QueueId id = s.commit();
            known.remember(from, p.toDomain());
            LOG.info("{}: envelope {} queued for {} ({} recipient(s), {} bytes)", id, p.id(), p.toDomain(), recipients.size(), json.length);
            return id;
        }
    }

    /** Entries still in the sender queue (delivered and failed ones leave it). */
    public List<QueueEntry> pending() {
        return queue.entries();
    }

    /** Makes the sender look at its schedule now, e.g. after a peer came back. */
    public void flush() {
        sender.wake();
    }

    private static String domainOf(String address) {
        Objects.requireNonNull(address, "address");
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }
}
