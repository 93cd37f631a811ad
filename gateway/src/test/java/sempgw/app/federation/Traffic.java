package sempgw.app.federation;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sempgw.app.Gateway;
import sempgw.app.semp.TestMailbox;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.EnvelopeFormatException;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.RecipientStatus;

/** Envelopes between the test gateways: composed and queued on one side, found by {@code postmark.id} on the other. */
final class Traffic {
    /** The suite envelopes are composed in (the session's suite is negotiated separately). */
    static final SuiteId SUITE = SuiteId.X25519_CHACHA20_POLY1305;
    private static final int MAX_WIRE = 64 << 20;

    private Traffic() {
    }

    /** A composed envelope from {@code sender} to {@code recipient}, whose domain publishes {@code recipientDomainKey}. */
    static ComposedEnvelope compose(TestMailbox sender, TestMailbox recipient, DomainEncryptionPublicKey recipientDomainKey, String text,
            Instant now) throws Exception {
        return sender.compose(recipient, recipientDomainKey, SUITE, "subject " + text, text, now);
    }

    /** Queues {@code composed} in {@code from}'s SEMP outbox (durable when it returns). */
    static QueueId submit(Gateway from, TestMailbox sender, ComposedEnvelope composed) throws IOException {
        return from.semp().outbox().submit(composed, sender.address());
    }

    /** The {@code postmark.id} of every envelope in {@code g}'s SEMP inbox, oldest first. */
    static List<String> inboxPostmarkIds(Gateway g) throws IOException, EnvelopeFormatException {
        List<String> ids = new ArrayList<>();
        for (QueueEntry e : g.semp().inbox().entries()) {
            ids.add(EnvelopeCodec.decode(g.semp().inbox().read(e.id()), MAX_WIRE).envelope().postmark().id());
        }
        return ids;
    }

    /** The single recipient's state of a pending sender-queue entry; empty once the entry left the queue (final). */
    static Optional<RecipientStatus> pending(Gateway g, QueueId id) {
        return g.semp().outbox().pending().stream().filter(e -> e.id().equals(id)).findFirst()
                .map(e -> e.recipients().getFirst());
    }
}
