package sempgw.semp.ingress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.semp.ingress.federation.FederationFixture.A;
import static sempgw.semp.ingress.federation.FederationFixture.NOW;
import static sempgw.semp.ingress.federation.FederationFixture.config;
import static sempgw.semp.ingress.federation.FederationFixture.drive;
import static sempgw.semp.ingress.federation.FederationFixture.envelope;
import static sempgw.semp.ingress.federation.FederationFixture.established;
import static sempgw.semp.ingress.federation.FederationFixture.initiator;
import static sempgw.semp.ingress.federation.FederationFixture.reasonOf;
import static sempgw.semp.ingress.federation.FederationFixture.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.handshake.Initiator;
import sempgw.core.handshake.Step;
import sempgw.core.session.RekeyInitiator;
import sempgw.core.session.RekeyStep;
import sempgw.core.session.Session;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.receive.PeerSessionRef;
import sempgw.semp.ingress.receive.ReceiveOutcome;

/** Dispatch after establishment: envelopes, rekeys, second handshakes, anything else. */
final class PeerConversationTest {
    private final FederationFixture.RecordingReceiver receiver = new FederationFixture.RecordingReceiver();
    private final FederationService service = service(config(receiver));

    private Session establish(Conversation c, SuiteId suite, Instant now) {
        return established(drive(initiator("a.example", A, suite, now), c, now));
    }

    @Test
    void envelope_inTheSession_reachesThePipelineWithTheSessionRefAndItsReply() {
        Conversation c = service.open(null, "ws");
        Session s = establish(c, SuiteId.X25519_CHACHA20_POLY1305, NOW);

        Optional<byte[]> reply = c.onMessage(envelope(s.id(), "a.example"), NOW.plusSeconds(1));

        assertThat(receiver.refs).containsExactly(new PeerSessionRef("a.example", s.id()));
        assertThat(new String(reply.orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("ack");
        assertThat(c.finished()).isFalse();
    }

    @Test
    void configurationUpdate_inASession_noReplyAndTheConversationGoesOn() {
        Conversation c = service.open(null, "ws");
        Session s = establish(c, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        byte[] update = """
                {"type":"SEMP_CONFIGURATION_UPDATE","version":"1.0.0","domain":"a.example","revision":18,\
                "timestamp":"2026-04-19T12:00:00Z","signature":{"algorithm":"ed25519","key_id":"k","value":""}}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThat(c.onMessage(update, NOW)).isEmpty();
        assertThat(c.finished()).isFalse();
        assertThat(c.lastMessageMalformed()).isFalse();
        assertThat(c.onMessage(envelope(s.id(), "a.example"), NOW)).isPresent();
    }

    @Test
    void envelope_pipelineSilent_noReply() {
        Conversation c = service.open(null, "ws");
        Session s = establish(c, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        receiver.outcome = new ReceiveOutcome.Silent("silent block of the sender");

        assertThat(c.onMessage(envelope(s.id(), "a.example"), NOW)).isEmpty();
        assertThat(receiver.refs).hasSize(1);
    }

    @Test
    void envelope_onAnotherConnection_namingALiveSession_reachesThePipeline() {
        Session s = establish(service.open(null, "ws"), SuiteId.X25519_CHACHA20_POLY1305, NOW);
        Conversation reconnected = service.open(null, "h2");

        assertThat(reconnected.onMessage(envelope(s.id(), "spoofed.example"), NOW)).isPresent();

        assertThat(receiver.refs).containsExactly(new PeerSessionRef("a.example", s.id()));
    }

    @Test
    void envelope_namingAnUnknownSession_goesToThePipelineWhichRefusesIt() {
        Conversation c = service.open(null, "ws");
        c.onMessage(envelope("01J00000000000000000000000", "a.example"), NOW);

        assertThat(receiver.refs).containsExactly(new PeerSessionRef("a.example", "01J00000000000000000000000"));
        assertThat(service.sessions().state("01J00000000000000000000000", NOW)).isInstanceOf(SessionState.Unknown.class);
    }

    /** The pipeline's rejection of an envelope for {@code reason}, as the stand-in receiver answers it. */
    private static ReceiveOutcome rejection(SempReason reason) {
        Acknowledgment.Rejected rejected = new Acknowledgment.Rejected("01JENVELOPE", reason, "test");
        return new ReceiveOutcome.Reply(AcknowledgmentCodec.encode(rejected, NOW), Optional.of(rejected));
    }

    private static String ackReason(Optional<byte[]> reply) throws SempException {
        return ((Acknowledgment.Rejected) AcknowledgmentCodec.decode(reply.orElseThrow())).reason().code();
    }

    private Session blockedAfterEstablishment(Conversation c, BlockList.Acknowledgment acknowledgment) {
        Session s = establish(c, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        service.updateBlockList(new BlockList(List.of(BlockList.Entry.of(BlockList.Target.DOMAIN, "a.example", acknowledgment))), NOW);
        assertThat(service.sessions().state(s.id(), NOW)).isInstanceOf(SessionState.Invalidated.class);
        return s;
    }

    @Test
    void envelope_ofAPeerBlockedSilentlyAfterEstablishment_sealVerifiedOnItsOldSession_noReply() {
        Conversation c = service.open(null, "ws");
        Session s = blockedAfterEstablishment(c, BlockList.Acknowledgment.SILENT);
        receiver.outcome = rejection(SempReason.HANDSHAKE_INVALID);

        assertThat(c.onMessage(envelope(s.id(), "a.example"), NOW)).isEmpty();
        assertThat(receiver.refs).containsExactly(new PeerSessionRef("a.example", s.id()));
    }

    @Test
    void envelope_ofAPeerBlockedWithRejectionAfterEstablishment_sealVerifiedOnItsOldSession_blocked() throws Exception {
        Conversation c = service.open(null, "ws");
        Session s = blockedAfterEstablishment(c, BlockList.Acknowledgment.REJECTED);
        receiver.outcome = rejection(SempReason.HANDSHAKE_INVALID);

        assertThat(ackReason(c.onMessage(envelope(s.id(), "a.example"), NOW))).isEqualTo("blocked");
    }

    @Test
    void envelope_claimingASilentlyBlockedPeerOnItsOldSession_sealInvalid_rejectedExplicitly() throws Exception {
        Conversation c = service.open(null, "ws");
        Session s = blockedAfterEstablishment(c, BlockList.Acknowledgment.SILENT);
        receiver.outcome = rejection(SempReason.SEAL_INVALID);

        assertThat(ackReason(c.onMessage(envelope(s.id(), "a.example"), NOW))).isEqualTo("seal_invalid");
    }

    @Test
    void envelope_withoutASessionClaimingASilentlyBlockedDomain_rejectedExplicitly() throws Exception {
        service.updateBlockList(new BlockList(List.of(BlockList.Entry.of(BlockList.Target.DOMAIN, "a.example", BlockList.Acknowledgment.SILENT))), NOW);
        Conversation c = service.open(null, "h2");
        receiver.outcome = rejection(SempReason.NO_SESSION);

        assertThat(ackReason(c.onMessage(envelope("01J00000000000000000000000", "a.example"), NOW))).isEqualTo("no_session");
        assertThat(receiver.refs).containsExactly(new PeerSessionRef("a.example", "01J00000000000000000000000"));
    }

    @Test
    void blockList_serverEntryAddedAfterEstablishment_invalidatesThatServersSessionOnly() {
        Session a = establish(service.open(null, "ws"), SuiteId.X25519_CHACHA20_POLY1305, NOW);
        Session c = established(drive(initiator("c.example", FederationFixture.C, SuiteId.X25519_CHACHA20_POLY1305, NOW),
                service.open(null, "ws"), NOW));

        service.updateBlockList(new BlockList(List.of(BlockList.Entry.of(BlockList.Target.SERVER, "srv.a.example",
                BlockList.Acknowledgment.REJECTED))), NOW);

        assertThat(service.sessions().state(a.id(), NOW)).isInstanceOf(SessionState.Invalidated.class);
        assertThat(service.sessions().state(c.id(), NOW)).isInstanceOf(SessionState.Active.class);
    }

    @Test
    void blockList_domainBlockedDuringTheHandshake_sessionNotKeptAndConfirmRefused() throws Exception {
        Conversation c = service.open(null, "h2");
        Initiator initiator = initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        Step confirm = initiator.onMessage(c.onMessage(initiator.begin().message(), NOW).orElseThrow(), NOW);

        service.updateBlockList(new BlockList(List.of(BlockList.Entry.of(BlockList.Target.DOMAIN, "a.example",
                BlockList.Acknowledgment.REJECTED))), NOW);
        Optional<byte[]> reply = c.onMessage(((Step.Send) confirm).message(), NOW);

        assertThat(reasonOf(reply.orElseThrow())).isEqualTo("handshake_invalid");
        assertThat(c.finished()).isTrue();
        assertThat(service.sessions().size()).isZero();
        assertThat(service.sessions().hasRoomFor("a.example", NOW)).isTrue();
    }

    @Test
    void unparseable_noSempReplyButMalformedForTheTransport_andOnlyAnUnauthenticatedConversationEnds() {
        Conversation inSession = service.open(null, "ws");
        Session s = establish(inSession, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        for (byte[] junk : List.of("{".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[0])) {
            Conversation fresh = service.open(null, "h2");
            assertThat(fresh.onMessage(junk, NOW)).isEmpty();
            assertThat(fresh.lastMessageMalformed()).isTrue();
            assertThat(fresh.finished()).isTrue();
            assertThat(inSession.onMessage(junk, NOW)).isEmpty();
            assertThat(inSession.lastMessageMalformed()).isTrue();
            assertThat(inSession.finished()).isFalse();
        }

        assertThat(inSession.onMessage(envelope(s.id(), "a.example"), NOW)).isPresent();
        assertThat(inSession.lastMessageMalformed()).isFalse();
    }

    @Test
    void envelope_pipelineFindsItMalformed_noReplyAndMalformedForTheTransport() {
        Conversation c = service.open(null, "ws");
        Session s = establish(c, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        receiver.outcome = new ReceiveOutcome.Malformed("no postmark.id");

        assertThat(c.onMessage(envelope(s.id(), "a.example"), NOW)).isEmpty();
        assertThat(c.lastMessageMalformed()).isTrue();
        assertThat(c.finished()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void rekey_inSession_newKeysWorkAndOldOnesStopAfterTheTransitionWindow(SuiteId suite) {
        Conversation c = service.open(null, "ws");
        Session peerSide = establish(c, suite, NOW);
        String oldId = peerSide.id();
        SecretBytes oldKey = ((SessionState.Active) service.sessions().state(oldId, NOW)).envMacKeys().getFirst();
        Instant t = NOW.plusSeconds(120);
        RekeyInitiator rekey = new RekeyInitiator(peerSide, RandomSource.secure());

        byte[] init = ((RekeyStep.Send) rekey.begin(t)).message();
        RekeyStep done = rekey.onMessage(c.onMessage(init, t).orElseThrow(), t);

        assertThat(done).isInstanceOf(RekeyStep.Rekeyed.class);
        String newId = peerSide.id();
        assertThat(newId).isNotEqualTo(oldId);
        SessionState current = service.sessions().state(newId, t);
        assertThat(((SessionState.Active) current).envMacKeys().getFirst().equalsSecret(peerSide.keys().envMac())).isTrue();
        assertThat(service.sessions().state(oldId, t.plus(Session.TRANSITION_WINDOW).minusMillis(1))).isInstanceOf(SessionState.Active.class);
        assertThat(service.sessions().state(oldId, t.plus(Session.TRANSITION_WINDOW))).isInstanceOf(SessionState.Invalidated.class);

        service.sweep(t.plus(Session.TRANSITION_WINDOW));
        assertThat(oldKey.isDestroyed()).isTrue();
        assertThat(service.sessions().state(oldId, t.plusSeconds(60))).isInstanceOf(SessionState.Invalidated.class);
        assertThat(c.onMessage(envelope(newId, "a.example"), t.plusSeconds(6))).isPresent();
        assertThat(receiver.refs.getLast()).isEqualTo(new PeerSessionRef("a.example", newId));
    }

    @Test
    void rekey_withoutASession_signedHandshakeInvalid() throws Exception {
        Conversation c = service.open(null, "ws");
        byte[] rekey = "{\"type\":\"SEMP_REKEY\",\"version\":\"1.0.0\",\"sealed\":true}".getBytes(StandardCharsets.UTF_8);
        assertThat(reasonOf(c.onMessage(rekey, NOW).orElseThrow())).isEqualTo("handshake_invalid");
    }

    @Test
    void rekey_onAnExpiredSession_handshakeExpired() throws Exception {
        Conversation c = service.open(null, "ws");
        Session peerSide = establish(c, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        byte[] init = ((RekeyStep.Send) new RekeyInitiator(peerSide, RandomSource.secure()).begin(NOW.plusSeconds(600))).message();

        assertThat(reasonOf(c.onMessage(init, NOW.plusSeconds(3600)).orElseThrow())).isEqualTo("handshake_expired");
    }

    @Test
    void secondHandshake_onTheSameConversation_replacesTheSessionAndZeroesTheOldKeys() {
        Conversation c = service.open(null, "ws");
        Session first = establish(c, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        SecretBytes firstKey = ((SessionState.Active) service.sessions().state(first.id(), NOW)).envMacKeys().getFirst();

        Instant later = NOW.plusSeconds(10);
        Session second = establish(c, SuiteId.PQ_KYBER768_X25519, later);

        assertThat(service.sessions().state(first.id(), later)).isInstanceOf(SessionState.Invalidated.class);
        assertThat(service.sessions().state(second.id(), later)).isInstanceOf(SessionState.Active.class);
        assertThat(firstKey.isDestroyed()).isTrue();
        assertThat(c.onMessage(envelope(second.id(), "a.example"), later)).isPresent();
        assertThat(receiver.refs).containsExactly(new PeerSessionRef("a.example", second.id()));
    }

    @Test
    void unknownType_beforeDuringAndAfterTheHandshake_droppedWithoutAReplyAndTheConversationGoesOn() {
        byte[] future = """
                {"type":"SEMP_FUTURE_NOTICE","version":"1.9.0","critical":true,\
                "extensions":{"vendor.example/x":{"required":true,"data":{}}}}""".getBytes(StandardCharsets.UTF_8);
        Conversation c = service.open(null, "ws");
        assertThat(c.onMessage(future, NOW)).isEmpty();
        assertThat(c.finished()).isFalse();
        assertThat(c.lastMessageMalformed()).isFalse();

        Initiator i = initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        byte[] response = c.onMessage(i.begin().message(), NOW).orElseThrow();
        assertThat(c.onMessage(future, NOW)).isEmpty();
        Session s = established(drive(i, ((Step.Send) i.onMessage(response, NOW)).message(), c, NOW));

        assertThat(c.onMessage(future, NOW)).isEmpty();
        assertThat(c.finished()).isFalse();
        assertThat(c.lastMessageMalformed()).isFalse();
        assertThat(c.onMessage(envelope(s.id(), "a.example"), NOW)).isPresent();
    }

    @Test
    void definedTypeWithNoPlaceHere_isRefusedAndOnlyAnUnauthenticatedConversationEnds() throws Exception {
        byte[] other = "{\"type\":\"SEMP_KEYS\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
        Conversation fresh = service.open(null, "ws");
        assertThat(reasonOf(fresh.onMessage(other, NOW).orElseThrow())).isEqualTo("handshake_invalid");
        assertThat(fresh.finished()).isTrue();

        Conversation inSession = service.open(null, "ws");
        establish(inSession, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        assertThat(reasonOf(inSession.onMessage(other, NOW).orElseThrow())).isEqualTo("handshake_invalid");
        assertThat(inSession.finished()).isFalse();
    }

    @Test
    void garbage_inAnyState_neverThrowsAndIsAnsweredOrDropped() {
        Random r = new Random(7);
        List<byte[]> inputs = new java.util.ArrayList<>(List.of(new byte[0], "{".getBytes(StandardCharsets.UTF_8),
                "null".getBytes(StandardCharsets.UTF_8), "{\"type\":7}".getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"SEMP_HANDSHAKE\"}".getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"SEMP_HANDSHAKE\",\"version\":\"1.0.0\",\"step\":\"confirm\",\"party\":\"server\"}".getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"SEMP_ENVELOPE\",\"postmark\":7}".getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"SEMP_REKEY\",\"ciphertext\":\"!!\"}".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}));
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            inputs.add(b);
        }
        Conversation inSession = service.open(null, "ws");
        establish(inSession, SuiteId.X25519_CHACHA20_POLY1305, NOW);
        for (byte[] input : inputs) {
            Conversation fresh = service.open(null, "h2");
            assertThat(fresh.onMessage(input, NOW)).isNotNull();
            assertThat(inSession.onMessage(input, NOW)).isNotNull();
        }
        assertThat(service.sessions().size()).isEqualTo(1);
    }

    @Test
    void close_midHandshake_dropsItAndTheTableNeverSeesTheSession() {
        Conversation c = service.open(null, "ws");
        assertThat(c.onMessage(initiator("a.example", A, SuiteId.X25519_CHACHA20_POLY1305, NOW).begin().message(), NOW)).isPresent();
        c.close();
        assertThat(c.finished()).isTrue();
        assertThat(service.sessions().size()).isZero();
        assertThat(service.sessions().hasRoomFor("c.example", NOW)).isTrue();
    }

    @Test
    void sessionExpiry_sweptByTheService_zeroesKeysAndTheIdAnswersExpired() {
        Conversation c = service.open(null, "ws");
        Session s = establish(c, SuiteId.PQ_KYBER768_X25519, NOW);
        SecretBytes key = ((SessionState.Active) service.sessions().state(s.id(), NOW)).envMacKeys().getFirst();
        Instant expiry = service.sessions().session(s.id(), NOW).orElseThrow().expiresAt();

        service.sweep(expiry);

        assertThat(key.isDestroyed()).isTrue();
        assertThat(service.sessions().state(s.id(), expiry)).isInstanceOf(SessionState.Expired.class);
        assertThat(service.sessions().size()).isZero();
        c.onMessage(envelope(s.id(), "a.example"), expiry);
        assertThat(receiver.refs).containsExactly(new PeerSessionRef("a.example", s.id()));
    }

    @Test
    void serviceClose_zeroesLiveSessionKeys() {
        Session s = establish(service.open(null, "ws"), SuiteId.X25519_CHACHA20_POLY1305, NOW);
        SecretBytes key = ((SessionState.Active) service.sessions().state(s.id(), NOW)).envMacKeys().getFirst();
        Session ours = service.sessions().session(s.id(), NOW).orElseThrow();

        service.close();

        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(ours::keys).isInstanceOf(IllegalStateException.class);
    }
}
