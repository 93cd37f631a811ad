package sempgw.semp.ingress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.federation.FederationFixture.A;
import static sempgw.semp.ingress.federation.FederationFixture.C;
import static sempgw.semp.ingress.federation.FederationFixture.LOCAL;
import static sempgw.semp.ingress.federation.FederationFixture.NOW;
import static sempgw.semp.ingress.federation.FederationFixture.US;
import static sempgw.semp.ingress.federation.FederationFixture.drive;
import static sempgw.semp.ingress.federation.FederationFixture.established;
import static sempgw.semp.ingress.federation.FederationFixture.initiator;
import static sempgw.semp.ingress.federation.FederationFixture.peerKeys;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
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
 * The responder wired to the real receive pipeline exactly as the gateway wires it: sealed
 * envelopes in a handshaken session are delivered; after a rekey the old id verifies only in the
 * transition window; an expired session answers {@code handshake_expired}; an envelope no
 * rejection could name is left to the transport and the session goes on.
 */
final class FederationReceiveIntegrationTest {
    private static final SuiteId SUITE = SuiteId.X25519_CHACHA20_POLY1305;
    private static final DomainEncryptionPrivateKey OUR_ENCRYPTION = ReceiveFixture.domainKey("b.example", SUITE);

    private final MutableClock clock = new MutableClock(NOW);
    private final List<AcceptedEnvelope> inbox = new ArrayList<>();
    private final SessionTable sessions = new SessionTable(FederationLimits.DEFAULTS, clock);
    private final ReceivePipeline pipeline = new ReceivePipeline(ReceiveConfig.defaults(Set.of("b.example")),
            new ServerKeys(SenderDomainKeys.of(d -> d.equals("a.example") ? List.of(A.publicKey()) : List.of()),
                    d -> d.equals("b.example") ? List.of(OUR_ENCRYPTION) : List.of(), US),
            sessions, (postmark, brief) -> PolicyDecision.deliver(),
            new LocalUsers("bob@b.example"::equals, new InMemoryUserBlockList(), new InMemoryKnownCorrespondents()), inbox::add,
            RandomSource.secure());
    private final FederationService service = new FederationService(FederationConfig.of(LOCAL, peerKeys(),
            DomainProofVerifier.signedWithHttpsPublishedKey(), RandomSource.secure(), pipeline::receive), sessions);

    private static byte[] sealed(String text, String sessionId, SecretBytes envMac, Instant at) throws Exception {
        return ReceiveFixture.seal(ReceiveFixture.compose(SUITE, "alice@a.example", text, at, "bob@b.example"), A, sessionId, envMac);
    }

    private Acknowledgment send(Conversation c, byte[] wire, Instant at) throws Exception {
        clock.now = at;
        Optional<byte[]> reply = c.onMessage(wire, at);
        return AcknowledgmentCodec.decode(reply.orElseThrow());
    }

    @Test
    void envelope_inAHandshakenSession_isDeliveredWithAReceipt() throws Exception {
        Conversation c = service.open(null, "ws");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));

        Acknowledgment ack = send(c, sealed("hello", s.id(), s.keys().envMac(), NOW), NOW.plusSeconds(1));

        assertThat(ack).isInstanceOf(Acknowledgment.Delivered.class);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.getFirst().fromDomain()).isEqualTo("a.example");
    }

    @Test
    void silentBlockAfterEstablishment_genuineEnvelopeOnTheOldSessionGetsNoReply_forgedOneSealInvalid() throws Exception {
        Conversation c = service.open(null, "ws");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));
        service.updateBlockList(new BlockList(List.of(BlockList.Entry.of(BlockList.Target.DOMAIN, "a.example", BlockList.Acknowledgment.SILENT))), NOW);
        byte[] forged = ReceiveFixture.seal(ReceiveFixture.compose(SUITE, "alice@a.example", "forged", NOW, "bob@b.example"), C, s.id(),
                s.keys().envMac());

        assertThat(c.onMessage(sealed("genuine", s.id(), s.keys().envMac(), NOW), NOW)).isEmpty();
        assertThat(((Acknowledgment.Rejected) send(c, forged, NOW)).reason()).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(inbox).isEmpty();
    }

    @Test
    void rejectingBlockAfterEstablishment_genuineEnvelopeOnTheOldSessionIsRejectedBlocked() throws Exception {
        Conversation c = service.open(null, "ws");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));
        service.updateBlockList(new BlockList(List.of(BlockList.Entry.of(BlockList.Target.DOMAIN, "a.example", BlockList.Acknowledgment.REJECTED))), NOW);

        assertThat(((Acknowledgment.Rejected) send(c, sealed("genuine", s.id(), s.keys().envMac(), NOW), NOW)).reason()).isEqualTo(SempReason.BLOCKED);
        assertThat(inbox).isEmpty();
    }

    @Test
    void rekey_oldIdVerifiesInTheTransitionWindowOnlyAndTheNewIdAfter() throws Exception {
        Conversation c = service.open(null, "ws");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));
        String oldId = s.id();
        SecretBytes oldMac = s.keys().envMac();
        Instant t = NOW.plusSeconds(120);
        byte[] beforeRekey = sealed("in flight", oldId, oldMac, t);
        byte[] late = sealed("late", oldId, oldMac, t);
        RekeyInitiator rekey = new RekeyInitiator(s, RandomSource.secure());
        clock.now = t;
        assertThat(rekey.onMessage(c.onMessage(((RekeyStep.Send) rekey.begin(t)).message(), t).orElseThrow(), t))
                .isInstanceOf(RekeyStep.Rekeyed.class);

        assertThat(send(c, beforeRekey, t.plusSeconds(2))).isInstanceOf(Acknowledgment.Delivered.class);
        Acknowledgment afterWindow = send(c, late, t.plus(Session.TRANSITION_WINDOW));
        assertThat(afterWindow).isInstanceOf(Acknowledgment.Rejected.class);
        assertThat(((Acknowledgment.Rejected) afterWindow).reason()).isEqualTo(SempReason.HANDSHAKE_INVALID);
        assertThat(send(c, sealed("new", s.id(), s.keys().envMac(), t.plusSeconds(6)), t.plusSeconds(6)))
                .isInstanceOf(Acknowledgment.Delivered.class);
    }

    @Test
    void envelope_afterTheSessionExpired_isRejectedHandshakeExpired() throws Exception {
        Conversation c = service.open(null, "ws");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));
        Instant expiry = s.expiresAt();
        byte[] wire = sealed("too late", s.id(), s.keys().envMac(), expiry.minusSeconds(60));
        service.sweep(expiry);

        Acknowledgment ack = send(c, wire, expiry);

        assertThat(ack).isInstanceOf(Acknowledgment.Rejected.class);
        assertThat(((Acknowledgment.Rejected) ack).reason()).isEqualTo(SempReason.HANDSHAKE_EXPIRED);
        assertThat(inbox).isEmpty();
    }

    @Test
    void envelope_withoutAReadablePostmarkId_isMalformedForTheTransportAndTheSessionStaysUsable() throws Exception {
        Conversation c = service.open(null, "h2");
        Session s = established(drive(initiator("a.example", A, SUITE, NOW), c, NOW));
        byte[] noId = ("{\"type\":\"SEMP_ENVELOPE\",\"version\":\"1.0.0\",\"postmark\":{\"session_id\":\"" + s.id() + "\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(c.onMessage(noId, NOW.plusSeconds(1))).isEmpty();
        assertThat(c.lastMessageMalformed()).isTrue();
        assertThat(c.finished()).isFalse();
        assertThat(send(c, sealed("after", s.id(), s.keys().envMac(), NOW.plusSeconds(2)), NOW.plusSeconds(2)))
                .isInstanceOf(Acknowledgment.Delivered.class);
        assertThat(inbox).hasSize(1);
    }

    /** A clock the test moves; the table's {@code find} reads it. */
    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
