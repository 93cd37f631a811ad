package sempgw.semp.egress.delivery;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.Ulid;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;

/** Composed (unsealed) envelopes and queue entries as the SEMP sender queue holds them. */
final class TestEnvelopes {
    static final String SENDER_DOMAIN = "sender.example";
    static final String PEER_DOMAIN = "peer.example";

    private TestEnvelopes() {
    }

    /** A composed envelope to {@link #PEER_DOMAIN}: opaque brief and enclosure of about {@code payloadBytes}. */
    static Envelope composed(Instant now, Instant expires, int payloadBytes) {
        Random random = new Random(payloadBytes);
        Postmark postmark = Postmark.of(Ulid.next(now, n -> random.nextBytes(n)), "", SENDER_DOMAIN, PEER_DOMAIN, expires);
        Map<String, String> wraps = Map.of(HexFormat.of().formatHex(bytes(random, 32)), b64(bytes(random, 80)));
        Seal seal = Seal.unsigned(SuiteId.X25519_CHACHA20_POLY1305, wraps, wraps);
        return new Envelope(Envelope.VERSION, postmark, seal, b64(bytes(random, payloadBytes / 4)),
                b64(bytes(random, payloadBytes * 3 / 4)), "");
    }

    static DeliveryAgent.ContentSource content(Envelope envelope) {
        byte[] json = EnvelopeCodec.encode(envelope);
        return () -> new java.io.ByteArrayInputStream(json);
    }

    static DeliveryAgent.ContentSource content(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return () -> new java.io.ByteArrayInputStream(bytes);
    }

    static List<Recipient> recipients(String... localParts) {
        return java.util.Arrays.stream(localParts).map(l -> Recipient.of(l + "@" + PEER_DOMAIN)).toList();
    }

    static QueueEntry entry(List<Recipient> recipients, Instant arrivedAt) {
        List<RecipientStatus> statuses = recipients.stream()
                .map(r -> new RecipientStatus(r, RecipientState.QUEUED, 0, arrivedAt, Optional.empty(), false)).toList();
        Origin origin = new Origin(InetAddress.getLoopbackAddress(), "localhost", "SEMP", Optional.empty());
        return new QueueEntry(new QueueId("Q7SEMP0001"), Sender.of("zed@" + SENDER_DOMAIN), origin, statuses, arrivedAt, 1000);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
