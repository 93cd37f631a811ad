package sempgw.app.bridge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Set;
import sempgw.agent.InboundContext;
import sempgw.agent.MessageTraits;
import sempgw.agent.SempToMime;
import sempgw.agent.Verification;
import sempgw.agent.fidelity.MimeFidelity;
import sempgw.app.mailbox.MailboxKeys;
import sempgw.core.SempReason;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.open.EnvelopeOpener;
import sempgw.core.envelope.open.OpenError;
import sempgw.core.envelope.open.OpenException;
import sempgw.core.envelope.open.OpenedEnvelope;
import sempgw.semp.egress.keys.PeerIdentityKeys;
import sempgw.semp.egress.keys.UserKeysClient;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;
import sempgw.semp.ingress.receive.Inbox;
import sempgw.semp.ingress.receive.InboxRefusal;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

/**
 * The receive pipeline's inbox once the bridge runs (GATEWAY.md §3 flow 3): each envelope the
 * pipeline accepted is, for every provisioned mailbox among its local recipients, opened with
 * that mailbox's keys (ENVELOPE.md §7.2 steps 8-12, the sender's identity key fetched from the
 * sender's domain), rendered as MIME ({@link SempToMime}, CLIENT.md §6.4.2, with the one
 * {@code SEMP-Verification} header) and committed (fsync'd) to the main queue for the mailbox
 * host, before {@link #store} returns: only then does the pipeline answer {@code delivered}
 * (DELIVERY.md §1.1). Recipients that are not provisioned mailboxes go to the native inbox.
 *
 * <p>The agent runs in the receiving server's process and trust domain (GATEWAY.md §2), so it
 * opens the envelope the pipeline already decoded, with the brief the pipeline already decrypted
 * and checked: only {@code K_enclosure} is unwrapped with the mailbox's key
 * ({@code EnvelopeOpener.openWithServerBrief}, which says why that equals a full client open).
 * The wire bytes are not decoded again; they go unchanged to the native inbox.
 *
 * <p>An envelope whose sender signature does not verify is not rendered as genuine (ENVELOPE.md
 * §6.5.3): the mailbox gets the notice {@link SempToMime} writes for it, without the content.
 * An envelope that does not open for any other reason has nothing to deliver and is refused with
 * an {@link InboxRefusal} before anything is stored, so the pipeline answers {@code rejected}, not
 * {@code delivered} (DELIVERY.md §1.1): an unknown required extension {@code extension_unsupported}
 * naming it, enclosure extensions over 64 KB {@code extension_size_exceeded} (EXTENSIONS.md §3.1,
 * §4.1-§4.2), an enclosure that does not open or an attachment that does not match its hash
 * {@code seal_invalid} ({@link #unverified}). Every bridged mailbox is rendered before anything
 * is stored, so a refusal never follows a partial delivery; their MIME is held in memory until
 * then. When the sender's key could not be fetched, or the mailbox queue cannot be written, this
 * throws and the pipeline answers {@code server_unavailable}, so the sender retries. The converted
 * message has the null reverse-path: a later bounce from the mailbox host must not travel back in
 * clear to a SEMP sender (DELIVERY.md §2.6: SEMP has no bounce messages).
 */
final class MailboxInbox implements Inbox {
    /** {@link Origin#protocol()} of messages the bridge queues for mailboxes. */
    static final String PROTOCOL = "SEMP";
    /** The enclosure extensions the mailbox agent understands, when a sender marks one required (EXTENSIONS.md §3.1). */
    private static final Set<String> EXTENSIONS = Set.of(MimeFidelity.KEY);
    private static final Logger LOG = LoggerFactory.getLogger(MailboxInbox.class);

    private final MailboxKeys mailboxes;
    private final UserKeysClient users;
    private final MessageQueue queue;
    private final Inbox natives;
    private final String hostname;
    private final Clock clock;

    MailboxInbox(MailboxKeys mailboxes, UserKeysClient users, MessageQueue queue, Inbox natives, String hostname, Clock clock) {
        this.mailboxes = mailboxes;
        this.users = users;
        this.queue = queue;
        this.natives = natives;
        this.hostname = hostname;
        this.clock = clock;
    }

    /**
     * Renders the envelope for every bridged mailbox first, then stores it for the others and
     * commits the renderings, so a refusal never follows a partial delivery.
     */
    @Override
    public void store(AcceptedEnvelope accepted) throws IOException, InboxRefusal {
        List<String> bridged = accepted.localRecipients().stream().filter(mailboxes::provisioned).toList();
        List<String> others = accepted.localRecipients().stream().filter(r -> !bridged.contains(r)).toList();
        List<byte[]> rendered = new ArrayList<>(bridged.size());
        for (String mailbox : bridged) {
            rendered.add(render(mailbox, accepted));
        }
        if (!others.isEmpty()) {
            natives.store(accepted.forRecipients(others));
        }
        for (int i = 0; i < bridged.size(); i++) {
            QueueId id = commit(rendered.get(i), bridged.get(i), accepted);
            LOG.info("{}: envelope {} from {} queued for a mailbox, {} bytes sealed", id, accepted.postmarkId(), accepted.fromDomain(),
                    accepted.wire().length);
        }
    }

    private byte[] render(String mailbox, AcceptedEnvelope accepted) throws IOException, InboxRefusal {
        PeerIdentityKeys identities = new PeerIdentityKeys(users, clock);
        Instant now = clock.instant();
        try {
            OpenedEnvelope opened = new EnvelopeOpener(mailboxes.decryptionKeys(mailbox), identities, EXTENSIONS)
                    .openWithServerBrief(accepted.envelope(), accepted.brief());
            return SempToMime.render(new InboundContext(opened.brief(), Optional.of(opened.enclosure()),
                    Verification.semp(Verification.SignatureCheck.PASS, accepted.fromDomain()), mailbox, now, hostname));
        } catch (OpenException e) {
            if (e.error() == OpenError.SENDER_KEY_UNKNOWN && identities.failure().isPresent()) {
                throw new IOException("the sender's identity key could not be fetched: " + identities.failure().get().getMessage());
            }
            LOG.warn("envelope {} from {} for a mailbox not opened: {} ({})", accepted.postmarkId(), accepted.fromDomain(), e.error(), e.getMessage());
            Verification.SignatureCheck check = unverified(e);
            Brief claimed = Brief.of(accepted.postmarkId(), accepted.senderAddress(), List.of(mailbox), accepted.receivedAt());
            return SempToMime.render(new InboundContext(claimed, Optional.empty(), Verification.semp(check, accepted.fromDomain()),
                    mailbox, now, hostname));
        } catch (IllegalStateException e) {
            throw new IOException("the mailbox's keys changed while opening: " + e.getMessage(), e);
        }
    }

    /**
     * The verification state shown for an envelope whose sender signature did not verify (the
     * notice without content, ENVELOPE.md §6.5.3); every other failure means there is nothing to
     * deliver, so the envelope is refused (ENVELOPE.md §9.2; DELIVERY.md §1.1: no false
     * {@code delivered}). An unsupported or oversized extension has its own code (EXTENSIONS.md
     * §3.1, §4.1-§4.2, CONFORMANCE.md §4.9). An enclosure that does not open, or whose attachments
     * do not match their hashes, has none: it is {@code seal_invalid}, as for a brief that does not
     * open at the server (docs/interop.md), "a bug, do not retry the same envelope" (ERRORS.md §3).
     */
    private static Verification.SignatureCheck unverified(OpenException e) throws InboxRefusal {
        return switch (e.error()) {
            case SENDER_SIGNATURE_INVALID -> Verification.SignatureCheck.FAIL;
            case SENDER_KEY_UNKNOWN -> Verification.SignatureCheck.UNKNOWN_KEY;
            case EXTENSION_UNSUPPORTED -> throw new InboxRefusal(SempReason.EXTENSION_UNSUPPORTED, "required extension not supported",
                    e.extension());
            case EXTENSION_TOO_LARGE -> throw refusal(SempReason.EXTENSION_SIZE_EXCEEDED, "enclosure.extensions exceeds 64 KB");
            case ATTACHMENT_INVALID -> throw refusal(SempReason.SEAL_INVALID, "an attachment does not match its size or hash");
            case MALFORMED_ENCLOSURE -> throw refusal(SempReason.SEAL_INVALID, "the enclosure is not a valid enclosure");
            case UNSUPPORTED_SUITE, NOT_A_RECIPIENT, KEY_UNWRAP_FAILED, ENCLOSURE_UNREADABLE, BRIEF_UNREADABLE, MALFORMED_BRIEF ->
                    throw refusal(SempReason.SEAL_INVALID, "the enclosure does not open with the recipient's key");
        };
    }

    private static InboxRefusal refusal(SempReason reason, String detail) {
        return new InboxRefusal(reason, detail, Optional.empty());
    }

    private QueueId commit(byte[] mime, String mailbox, AcceptedEnvelope accepted) throws IOException {
        MessageTraits traits = MessageTraits.of(mime);
        Sender nullSender = new Sender("", Optional.empty(), Optional.empty(),
                traits.eightBitBody() ? Sender.BodyType.EIGHT_BIT_MIME : Sender.BodyType.SEVEN_BIT, traits.utf8Header() || !ascii(mailbox));
        Origin origin = new Origin(InetAddress.getLoopbackAddress(), accepted.fromDomain(), PROTOCOL, Optional.empty());
        try (Submission s = queue.begin(nullSender, origin)) {
            s.addRecipient(Recipient.of(mailbox));
            try (OutputStream out = s.content()) {
                out.write(mime);
            }
            return s.commit();
        }
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
