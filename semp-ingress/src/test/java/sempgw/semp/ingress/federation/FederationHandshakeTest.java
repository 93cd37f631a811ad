package sempgw.semp.ingress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.federation.FederationFixture.A;
import static sempgw.semp.ingress.federation.FederationFixture.C;
import static sempgw.semp.ingress.federation.FederationFixture.NOW;
import static sempgw.semp.ingress.federation.FederationFixture.config;
import static sempgw.semp.ingress.federation.FederationFixture.drive;
import static sempgw.semp.ingress.federation.FederationFixture.established;
import static sempgw.semp.ingress.federation.FederationFixture.initiator;
import static sempgw.semp.ingress.federation.FederationFixture.reasonOf;
import static sempgw.semp.ingress.federation.FederationFixture.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.Initiator;
import sempgw.core.handshake.Step;
import sempgw.core.session.Session;
import sempgw.semp.ingress.Conversation;

/** The federation handshake through {@link FederationService}, driven by semp-core's {@link Initiator}. */
final class FederationHandshakeTest {
    private final FederationFixture.RecordingReceiver receiver = new FederationFixture.RecordingReceiver();

    private static SempReason rejection(Optional<Step> end) {
        assertThat(end).isPresent();
        assertThat(end.get()).isInstanceOf(Step.Rejected.class);
        Step.Rejected r = (Step.Rejected) end.get();
        assertThat(r.origin()).as("our rejection is signed with our domain key").isEqualTo(Step.Origin.PEER);
        return r.reason();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void handshake_bothSuites_establishesAndRegistersTheSession(SuiteId suite) {
        FederationService service = service(config(receiver));
        Conversation c = service.open(null, "ws");

        Session peerSide = established(drive(initiator("a.example", A, suite, NOW), c, NOW));

        assertThat(peerSide.suite()).isEqualTo(suite);
        assertThat(c.finished()).isFalse();
        assertThat(service.sessions().size()).isEqualTo(1);
        SessionState state = service.sessions().state(peerSide.id(), NOW);
        assertThat(state).isInstanceOf(SessionState.Active.class);
        assertThat(((SessionState.Active) state).envMacKeys().getFirst().equalsSecret(peerSide.keys().envMac())).isTrue();
        assertThat(service.sessions().session(peerSide.id(), NOW).orElseThrow().peer()).isEqualTo("a.example");
    }

    @Test
    void handshake_withProofOfWorkConfigured_initiatorSolvesAndEstablishes() {
        FederationService service = service(config(receiver).withProofOfWork(8));
        Session s = established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "h2"), NOW));
        assertThat(service.sessions().state(s.id(), NOW)).isInstanceOf(SessionState.Active.class);
    }

    @Test
    void proofOfWork_peerAlreadyHoldingASession_isNotChallengedAgain() {
        FederationService service = service(config(receiver).withProofOfWork(8));
        List<byte[]> replies = new java.util.ArrayList<>();
        established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW), recording(service.open(null, "ws"), replies), NOW));
        assertThat(replies).as("challenge, response, accepted").hasSize(3);

        replies.clear();
        Instant later = NOW.plusSeconds(5);
        established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, later), recording(service.open(null, "ws"), replies), later));
        assertThat(replies).as("response, accepted").hasSize(2);
    }

    private static Conversation recording(Conversation c, List<byte[]> replies) {
        return new Conversation() {
            @Override
            public Optional<byte[]> onMessage(byte[] message, Instant now) {
                Optional<byte[]> reply = c.onMessage(message, now);
                reply.ifPresent(replies::add);
                return reply;
            }

            @Override
            public boolean finished() {
                return c.finished();
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    @Test
    void init_fromBlockedDomain_rejectedWithBlocked() {
        BlockList list = new BlockList(List.of(BlockList.Entry.of(BlockList.Target.DOMAIN, "A.Example.", BlockList.Acknowledgment.REJECTED)));
        FederationService service = service(config(receiver).withBlockList(list));
        Conversation c = service.open(null, "ws");

        assertThat(rejection(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW), c, NOW))).isEqualTo(SempReason.BLOCKED);
        assertThat(c.finished()).isTrue();
        assertThat(service.sessions().size()).isZero();
    }

    @Test
    void init_fromBlockedServer_rejectedWithBlocked() {
        BlockList list = new BlockList(List.of(BlockList.Entry.of(BlockList.Target.SERVER, "srv.c.example", BlockList.Acknowledgment.REJECTED)));
        FederationService service = service(config(receiver).withBlockList(list));

        assertThat(rejection(drive(initiator("c.example", C, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "ws"), NOW)))
                .isEqualTo(SempReason.BLOCKED);
        established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "ws"), NOW));
    }

    @Test
    void init_fromSilentBlockedDomain_getsNoReplyAndTheConversationEnds() {
        BlockList list = new BlockList(List.of(
                BlockList.Entry.of(BlockList.Target.DOMAIN, "a.example", BlockList.Acknowledgment.REJECTED),
                BlockList.Entry.of(BlockList.Target.DOMAIN, "a.example", BlockList.Acknowledgment.SILENT)));
        FederationService service = service(config(receiver).withBlockList(list));
        Conversation c = service.open(null, "ws");

        assertThat(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW), c, NOW)).isEmpty();
        assertThat(c.finished()).isTrue();
    }

    @Test
    void init_blockEntryExpired_isAdmitted() {
        BlockList list = new BlockList(List.of(new BlockList.Entry(BlockList.Target.DOMAIN, "a.example",
                BlockList.Acknowledgment.REJECTED, Optional.of(NOW.minusSeconds(1)))));
        FederationService service = service(config(receiver).withBlockList(list));
        established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "ws"), NOW));
    }

    @Test
    void init_domainProofNotAccepted_rejectedWithAuthFailed() {
        FederationConfig base = config(receiver);
        FederationConfig strict = new FederationConfig(base.local(), base.accepted(), base.policy(), base.sessionTtl(), base.peerKeys(),
                (domain, proof, key) -> new DomainProofVerifier.Failed("no _semp-verify TXT record"), base.proofOfWork(),
                base.blockList(), base.limits(), base.random(), base.receiver());
        FederationService service = service(strict);

        assertThat(rejection(drive(initiator("a.example", A, SuiteId.PQ_KYBER768_X25519, NOW), service.open(null, "h2"), NOW)))
                .isEqualTo(SempReason.AUTH_FAILED);
        assertThat(service.sessions().size()).isZero();
    }

    @Test
    void init_signedWithAKeyTheDomainDoesNotPublish_rejectedWithAuthFailed() {
        FederationService service = service(config(receiver));
        assertThat(rejection(drive(initiator("a.example", C, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "ws"), NOW)))
                .isEqualTo(SempReason.AUTH_FAILED);
    }

    @Test
    void init_replayedNonce_rejectedWithHandshakeInvalid() throws Exception {
        FederationService service = service(config(receiver));
        byte[] init = initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW).begin().message();
        assertThat(service.open(null, "ws").onMessage(init, NOW)).isPresent();

        Conversation replay = service.open(null, "ws");
        Optional<byte[]> reply = replay.onMessage(init, NOW.plusSeconds(5));

        assertThat(reasonOf(reply.orElseThrow())).isEqualTo("handshake_invalid");
        assertThat(replay.finished()).isTrue();
    }

    @Test
    void init_replayLedgerFullOfLiveNonces_forgetsTheOldestAndEstablishes_forgedInitsTakeNoRoom() throws Exception {
        FederationLimits d = FederationLimits.DEFAULTS;
        FederationService service = service(config(receiver).withLimits(new FederationLimits(d.maxSessions(), d.handshakeTimeout(),
                d.retiredIdWindow(), d.retiredIdCapacity(), 1, d.maxMessageBytes())));
        assertThat(rejection(drive(initiator("a.example", C, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "ws"), NOW)))
                .isEqualTo(SempReason.AUTH_FAILED);
        byte[] first = initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW).begin().message();
        assertThat(service.open(null, "ws").onMessage(first, NOW)).isPresent();

        established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "ws"), NOW));
        Instant later = NOW.plusSeconds(2);
        established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, later), service.open(null, "ws"), later));
        assertThat(service.sessions().size()).isEqualTo(1);
    }

    @Test
    void init_atSessionCap_rejectedWithServerAtCapacityButTheHolderMayRehandshake() {
        FederationService service = service(config(receiver).withLimits(FederationLimits.DEFAULTS.withMaxSessions(1)));
        Session first = established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "ws"), NOW));

        assertThat(rejection(drive(initiator("c.example", C, SuiteId.X25519_CHACHA20_POLY1305, NOW), service.open(null, "ws"), NOW)))
                .isEqualTo(SempReason.SERVER_AT_CAPACITY);

        Instant later = NOW.plusSeconds(2);
        Session second = established(drive(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, later), service.open(null, "ws"), later));
        assertThat(service.sessions().size()).isEqualTo(1);
        assertThat(service.sessions().state(first.id(), later)).isInstanceOf(SessionState.Invalidated.class);
        assertThat(service.sessions().state(second.id(), later)).isInstanceOf(SessionState.Active.class);
    }

    @Test
    void confirm_after30Seconds_rejectedWithHandshakeExpired() throws Exception {
        FederationService service = service(config(receiver));
        Conversation c = service.open(null, "ws");
        Initiator i = initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        Step confirm = i.onMessage(c.onMessage(i.begin().message(), NOW).orElseThrow(), NOW);

        Optional<byte[]> reply = c.onMessage(((Step.Send) confirm).message(), NOW.plus(Duration.ofSeconds(30)));

        assertThat(reasonOf(reply.orElseThrow())).isEqualTo("handshake_expired");
        assertThat(c.finished()).isTrue();
        assertThat(service.sessions().size()).isZero();
    }

    @Test
    void sweep_pastTheDeadline_dropsTheHandshakeFinishesTheConversationAndALateConfirmIsExpired() throws Exception {
        FederationService service = service(config(receiver));
        Conversation c = service.open(null, "h2");
        Initiator i = initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        Step confirm = i.onMessage(c.onMessage(i.begin().message(), NOW).orElseThrow(), NOW);

        service.sweep(NOW.plusSeconds(29));
        assertThat(c.finished()).isFalse();
        service.sweep(NOW.plusSeconds(31));
        assertThat(c.finished()).as("the transport is to be closed (HANDSHAKE.md §6.6)").isTrue();
        Optional<byte[]> reply = c.onMessage(((Step.Send) confirm).message(), NOW.plusSeconds(32));

        assertThat(reasonOf(reply.orElseThrow())).isEqualTo("handshake_expired");
        assertThat(service.sessions().size()).isZero();
    }

    @Test
    void concurrentHandshakes_fromOnePeer_theHigherSessionIdSurvivesInEitherOrder() {
        for (boolean lowerFirst : new boolean[] {true, false}) {
            FederationService service = service(config(receiver));
            Conversation c1 = service.open(null, "ws");
            Conversation c2 = service.open(null, "h2");
            Initiator i1 = initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW);
            Initiator i2 = initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW);
            byte[] confirm1 = ((Step.Send) i1.onMessage(c1.onMessage(i1.begin().message(), NOW).orElseThrow(), NOW)).message();
            byte[] confirm2 = ((Step.Send) i2.onMessage(c2.onMessage(i2.begin().message(), NOW).orElseThrow(), NOW)).message();
            Optional<byte[]> accepted1 = Optional.empty();
            Optional<byte[]> accepted2 = Optional.empty();
            String id1 = sessionIdOf(confirm1);
            String id2 = sessionIdOf(confirm2);
            boolean oneIsLower = id1.compareTo(id2) < 0;
            if (oneIsLower == lowerFirst) {
                accepted1 = c1.onMessage(confirm1, NOW);
                accepted2 = c2.onMessage(confirm2, NOW);
            } else {
                accepted2 = c2.onMessage(confirm2, NOW);
                accepted1 = c1.onMessage(confirm1, NOW);
            }
            String higher = oneIsLower ? id2 : id1;
            String lower = oneIsLower ? id1 : id2;

            assertThat(service.sessions().size()).isEqualTo(1);
            assertThat(service.sessions().state(higher, NOW)).isInstanceOf(SessionState.Active.class);
            assertThat(service.sessions().state(lower, NOW)).isInstanceOf(lowerFirst ? SessionState.Invalidated.class : SessionState.Unknown.class);
            assertThat((oneIsLower ? i2 : i1).onMessage((oneIsLower ? accepted2 : accepted1).orElseThrow(), NOW))
                    .isInstanceOf(Step.Established.class);
        }
    }

    private static String sessionIdOf(byte[] confirm) {
        try {
            return sempgw.core.json.JsonParser.parseObject(confirm).requireString("session_id");
        } catch (sempgw.core.json.JsonException e) {
            throw new AssertionError(e);
        }
    }
}
