package sempgw.semp.egress.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import sempgw.core.SempReason;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.HmacSha256;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.EnvelopeFormatException;
import sempgw.core.envelope.ReceivedEnvelope;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.semp.egress.federation.DeliveryException;
import sempgw.semp.egress.federation.FederationChannel;
import sempgw.semp.egress.federation.PeerSessions;

/**
 * A fake SEMP peer behind a fake {@link PeerSessions}: each session has its own id and
 * {@code K_env_mac}; an invalidated session is replaced by a new one on the next
 * {@code channel()}. The peer checks the seal signature and the session MAC of every envelope as
 * a real receiver does (answering {@code seal_invalid} / {@code session_mac_invalid}), then answers
 * with what the test scripts, issuing real receipts with its own domain key.
 */
final class FakePeer implements PeerSessions {

    /** What the peer answers to an envelope that passed its checks. */
    @FunctionalInterface
    interface Answer {
        Optional<byte[]> reply(ReceivedEnvelope envelope, FakePeer peer) throws DeliveryException;
    }

    final DomainSigningPrivateKey domainKey = DomainSigningPrivateKey.generate(RandomSource.secure());
    final List<Channel> opened = new ArrayList<>();
    final List<ReceivedEnvelope> received = new ArrayList<>();
    final AtomicInteger invalidations = new AtomicInteger();
    final AtomicInteger channelCalls = new AtomicInteger();
    final List<Duration> timeouts = new ArrayList<>();
    private final DomainSigningPublicKey senderKey;
    private Answer answer;
    private long maxEnvelopeSize = 26_214_400;
    private DeliveryException channelFailure;
    private Channel current;
    Instant now;

    FakePeer(DomainSigningPublicKey senderKey, Instant now, Answer answer) {
        this.senderKey = senderKey;
        this.now = now;
        this.answer = answer;
    }

    FakePeer answering(Answer newAnswer) {
        this.answer = newAnswer;
        return this;
    }

    FakePeer maxEnvelopeSize(long max) {
        this.maxEnvelopeSize = max;
        return this;
    }

    FakePeer failingChannel(DeliveryException failure) {
        this.channelFailure = failure;
        return this;
    }

    /** The peer's published keys, as discovery would find them. */
    DomainKeyLookup keys() {
        return DomainKeyLookup.of(TestEnvelopes.PEER_DOMAIN, domainKey.publicKey());
    }

    @Override
    public FederationChannel channel(String peerDomain, Instant at) throws DeliveryException {
        channelCalls.incrementAndGet();
        if (channelFailure != null) {
            throw channelFailure;
        }
        if (current == null) {
            current = new Channel(peerDomain, "sess-" + (opened.size() + 1) + "-" + Long.toHexString(at.toEpochMilli()),
                    SecretBytes.random(32, RandomSource.secure()), maxEnvelopeSize);
            opened.add(current);
        }
        return current;
    }

    @Override
    public void invalidate(String peerDomain) {
        invalidations.incrementAndGet();
        current = null;
    }

    @Override
    public void close() {
    }

    // Answers

    static Answer deliveredWithReceipt() {
        return (env, peer) -> peer.ack(new Acknowledgment.Delivered(env.envelope().postmark().id(),
                DeliveryReceipt.issue(env.canonicalBytes(), TestEnvelopes.PEER_DOMAIN, peer.now, peer.domainKey)));
    }

    /** semp-go's library pipeline: a per-recipient {@code delivered} row and no receipt. */
    static Answer deliveredWithoutReceipt() {
        return (env, peer) -> Optional.of(CanonicalJson.encode(submissionResponse(env, peer.now)
                .put("results", JsonArray.of(JsonObject.builder().put("recipient", "alice@" + TestEnvelopes.PEER_DOMAIN)
                        .put("status", "delivered").build()))
                .build()));
    }

    /** A rejection with a code no registry knows (a newer peer). */
    static Answer rejectedWithUnregisteredCode(String code, String text) {
        return (env, peer) -> Optional.of(CanonicalJson.encode(submissionResponse(env, peer.now)
                .put("acknowledgment", "rejected").put("reason_code", code).put("reason", text)
                .build()));
    }

    private static JsonObject.Builder submissionResponse(ReceivedEnvelope env, Instant now) {
        return JsonObject.builder().put("type", "SEMP_SUBMISSION").put("step", "response").put("version", "1.0.0")
                .put("envelope_id", env.envelope().postmark().id()).put("timestamp", SempTimestamps.format(now));
    }

    /** A receipt over other bytes than the envelope received: its hash does not match. */
    static Answer deliveredWithReceiptForAnotherEnvelope() {
        return (env, peer) -> peer.ack(new Acknowledgment.Delivered(env.envelope().postmark().id(),
                DeliveryReceipt.issue("{\"another\":\"envelope\"}".getBytes(), TestEnvelopes.PEER_DOMAIN, peer.now, peer.domainKey)));
    }

    static Answer rejected(SempReason reason, String text) {
        return (env, peer) -> peer.ack(new Acknowledgment.Rejected(env.envelope().postmark().id(), reason, text));
    }

    static Answer silent() {
        return (env, peer) -> Optional.empty();
    }

    static Answer raw(byte[] reply) {
        return (env, peer) -> Optional.of(reply);
    }

    Optional<byte[]> ack(Acknowledgment ack) {
        return Optional.of(AcknowledgmentCodec.encode(ack, now));
    }

    /** One fake federation session. */
    final class Channel implements FederationChannel {
        private final String peerDomain;
        private final String sessionId;
        private final SecretBytes envMacKey;
        private final long max;
        final List<byte[]> sent = new ArrayList<>();
        /** Set when another caller dropped this session: its keys are gone. */
        volatile boolean dropped;

        Channel(String peerDomain, String sessionId, SecretBytes envMacKey, long max) {
            this.peerDomain = peerDomain;
            this.sessionId = sessionId;
            this.envMacKey = envMacKey;
            this.max = max;
        }

        @Override
        public String peerDomain() {
            return peerDomain;
        }

        @Override
        public String sessionId() {
            return sessionId;
        }

        @Override
        public SecretBytes envMacKey() {
            if (dropped) {
                throw new IllegalStateException("session keys erased");
            }
            return envMacKey;
        }

        @Override
        public long maxEnvelopeSize() {
            return max;
        }

        @Override
        public Optional<byte[]> exchange(byte[] message, Duration timeout) throws DeliveryException {
            sent.add(message);
            timeouts.add(timeout);
            ReceivedEnvelope env;
            try {
                env = EnvelopeCodec.decode(message, (int) max);
            } catch (EnvelopeFormatException e) {
                throw new DeliveryException("peer answered HTTP 400: " + e.getMessage());
            }
            received.add(env);
            byte[] canonical = env.canonicalBytes();
            var seal = env.envelope().seal();
            if (!senderKey.verify(SignatureContext.ENVELOPE, canonical, Base64.getDecoder().decode(seal.signature()))) {
                return ack(new Acknowledgment.Rejected(env.envelope().postmark().id(), SempReason.SEAL_INVALID, "bad signature"));
            }
            if (!env.envelope().postmark().sessionId().equals(sessionId)
                    || !HmacSha256.INSTANCE.verify(envMacKey, canonical, Base64.getDecoder().decode(seal.sessionMac()))) {
                return ack(new Acknowledgment.Rejected(env.envelope().postmark().id(), SempReason.SESSION_MAC_INVALID, "bad mac"));
            }
            return answer.reply(env, FakePeer.this);
        }
    }
}
