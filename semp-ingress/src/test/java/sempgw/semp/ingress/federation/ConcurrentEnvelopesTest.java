package sempgw.semp.ingress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.federation.FederationFixture.A;
import static sempgw.semp.ingress.federation.FederationFixture.LOCAL;
import static sempgw.semp.ingress.federation.FederationFixture.NOW;
import static sempgw.semp.ingress.federation.FederationFixture.US;
import static sempgw.semp.ingress.federation.FederationFixture.drive;
import static sempgw.semp.ingress.federation.FederationFixture.established;
import static sempgw.semp.ingress.federation.FederationFixture.initiator;
import static sempgw.semp.ingress.federation.FederationFixture.peerKeys;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.session.RekeyInitiator;
import sempgw.core.session.RekeyStep;
import sempgw.core.session.Session;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;
import sempgw.semp.ingress.receive.InMemoryKnownCorrespondents;
import sempgw.semp.ingress.receive.InMemoryUserBlockList;
import sempgw.semp.ingress.receive.LocalUsers;
import sempgw.semp.ingress.receive.ReceiveConfig;
import sempgw.semp.ingress.receive.ReceiveFixture;
import sempgw.semp.ingress.receive.ReceivePipeline;
import sempgw.semp.ingress.receive.ServerKeys;

/**
 * Envelopes of one session handled side by side (TRANSPORT.md §4.3.2) through the responder and
 * the real receive pipeline, as an h2 tunnel runs them: each is delivered and stored exactly once,
 * copies of one envelope are stored once and all answered {@code delivered}, and a rekey, which
 * never runs beside them, leaves envelopes sealed before it verifiable in the transition window.
 */
final class ConcurrentEnvelopesTest {
    private static final SuiteId SUITE = SuiteId.X25519_CHACHA20_POLY1305;
    private static final DomainEncryptionPrivateKey OUR_ENCRYPTION = ReceiveFixture.domainKey("b.example", SUITE);

    private final List<AcceptedEnvelope> inbox = new CopyOnWriteArrayList<>();
    private final AtomicInteger storing = new AtomicInteger();
    private final AtomicInteger maxStoring = new AtomicInteger();
    private final SessionTable sessions = new SessionTable(FederationLimits.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ReceivePipeline pipeline = new ReceivePipeline(ReceiveConfig.defaults(Set.of("b.example")),
            new ServerKeys(SenderDomainKeys.of(d -> d.equals("a.example") ? List.of(A.publicKey()) : List.of()),
                    d -> d.equals("b.example") ? List.of(OUR_ENCRYPTION) : List.of(), US),
            sessions, (postmark, brief) -> PolicyDecision.deliver(),
            new LocalUsers("bob@b.example"::equals, new InMemoryUserBlockList(), new InMemoryKnownCorrespondents()),
            this::slowStore, RandomSource.secure());
    private final FederationService service = new FederationService(FederationConfig.of(LOCAL, peerKeys(),
            DomainProofVerifier.signedWithHttpsPublishedKey(), RandomSource.secure(), pipeline::receive), sessions);

    /** An inbox whose commit takes a while, as an fsync does, so that handlings overlap. */
    private void slowStore(AcceptedEnvelope e) {
        maxStoring.accumulateAndGet(storing.incrementAndGet(), Math::max);
        try {
            Thread.sleep(50);
            inbox.add(e);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } finally {
            storing.decrementAndGet();
        }
    }

    private static byte[] sealed(String text, String sessionId, SecretBytes envMac, Instant at) throws Exception {
        return ReceiveFixture.seal(ReceiveFixture.compose(SUITE, "alice@a.example", text, at, "bob@b.example"), A, sessionId, envMac);
    }

    /** Runs every handling at once on virtual threads; the acknowledgments in order. */
    private static List<Acknowledgment> runTogether(List<Function<Instant, Conversation.Answer>> handlings, Instant at)
            throws Exception {
        List<Future<Conversation.Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Function<Instant, Conversation.Answer> h : handlings) {
                answers.add(pool.submit(() -> h.apply(at)));
            }
        }
        List<Acknowledgment> acks = new ArrayList<>();
        for (Future<Conversation.Answer> a : answers) {
            Conversation.Answer answer = a.get();
            assertThat(answer.malformed()).isFalse();
            acks.add(AcknowledgmentCodec.decode(answer.reply().orElseThrow()));
        }
        return acks;
    }

    @Test
    void concurrently_manyEnvelopesOfOneSession_eachDeliveredAndStoredOnce() throws Exception {
        Conversation c = service.open(null, "h2");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));
        Instant t = NOW.plusSeconds(1);
        List<Function<Instant, Conversation.Answer>> handlings = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            handlings.add(c.concurrently(sealed("m" + i, s.id(), s.keys().envMac(), t), t).orElseThrow());
        }

        List<Acknowledgment> acks = runTogether(handlings, t);

        assertThat(acks).hasSize(24).allSatisfy(a -> assertThat(a).isInstanceOf(Acknowledgment.Delivered.class));
        assertThat(acks.stream().map(a -> ((Acknowledgment.Delivered) a).envelopeId()).distinct()).hasSize(24);
        assertThat(inbox).hasSize(24);
        assertThat(inbox.stream().map(AcceptedEnvelope::postmarkId).distinct()).hasSize(24);
        assertThat(maxStoring.get()).isGreaterThan(1);
    }

    @Test
    void concurrently_copiesOfOneEnvelope_storedOnceAndEveryCopyDelivered() throws Exception {
        Conversation c = service.open(null, "h2");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));
        Instant t = NOW.plusSeconds(1);
        byte[] wire = sealed("once", s.id(), s.keys().envMac(), t);
        List<Function<Instant, Conversation.Answer>> handlings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            handlings.add(c.concurrently(wire, t).orElseThrow());
        }

        List<Acknowledgment> acks = runTogether(handlings, t);

        assertThat(acks).hasSize(8).allSatisfy(a -> assertThat(a).isInstanceOfSatisfying(Acknowledgment.Delivered.class,
                d -> assertThat(d.receipt()).isPresent()));
        assertThat(inbox).hasSize(1);
    }

    @Test
    void concurrently_handshakeRekeyOrNoSession_takeTheirTurn() throws Exception {
        Conversation fresh = service.open(null, "h2");
        Instant t = NOW.plusSeconds(1);
        assertThat(fresh.concurrently(FederationFixture.envelope("no-such-session", "a.example"), t)).isEmpty();
        assertThat(fresh.concurrently(initiator("a.example", A, SUITE, NOW).begin().message(), NOW)).isEmpty();

        Session s = established(drive(initiator("a.example", A, SUITE, NOW), fresh, NOW));
        RekeyInitiator rekey = new RekeyInitiator(s, RandomSource.secure());
        byte[] rekeyInit = ((RekeyStep.Send) rekey.begin(t)).message();
        assertThat(fresh.concurrently(rekeyInit, t)).isEmpty();
        assertThat(fresh.concurrently(sealed("ok", s.id(), s.keys().envMac(), t), t)).isPresent();
        rekey.abandon();
    }

    @Test
    void concurrently_envelopesSealedBeforeARekey_deliveredInTheTransitionWindowAndTheSessionGoesOn() throws Exception {
        Conversation c = service.open(null, "h2");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));
        Instant t = NOW.plusSeconds(120);
        String oldId = s.id();
        List<Function<Instant, Conversation.Answer>> inFlight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inFlight.add(c.concurrently(sealed("before " + i, oldId, s.keys().envMac(), t), t).orElseThrow());
        }

        RekeyInitiator rekey = new RekeyInitiator(s, RandomSource.secure());
        Optional<byte[]> answer = c.onMessage(((RekeyStep.Send) rekey.begin(t)).message(), t);
        assertThat(rekey.onMessage(answer.orElseThrow(), t)).isInstanceOf(RekeyStep.Rekeyed.class);
        assertThat(s.id()).isNotEqualTo(oldId);
        List<Acknowledgment> before = runTogether(inFlight, t.plusSeconds(1));

        List<Function<Instant, Conversation.Answer>> after = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            after.add(c.concurrently(sealed("after " + i, s.id(), s.keys().envMac(), t.plusSeconds(2)), t.plusSeconds(2)).orElseThrow());
        }
        List<Acknowledgment> next = runTogether(after, t.plusSeconds(2));

        assertThat(before).allSatisfy(a -> assertThat(a).isInstanceOf(Acknowledgment.Delivered.class));
        assertThat(next).allSatisfy(a -> assertThat(a).isInstanceOf(Acknowledgment.Delivered.class));
        assertThat(inbox).hasSize(16);
    }
}
