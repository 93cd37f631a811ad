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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.core.session.RekeyInitiator;
import sempgw.core.session.RekeyStep;
import sempgw.core.session.Session;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;
import sempgw.semp.ingress.receive.InMemoryKnownCorrespondents;
import sempgw.semp.ingress.receive.InMemoryUserBlockList;
import sempgw.semp.ingress.receive.LocalUsers;
import sempgw.semp.ingress.receive.ReceiveConfig;
import sempgw.semp.ingress.receive.ReceivePipeline;
import sempgw.semp.ingress.receive.ServerKeys;

/**
 * The responder wired to the real receive pipeline exactly as the gateway wires it: sealed
 * envelopes in a handshaken session are delivered; after a rekey the old id verifies only in the
 * transition window; an expired session answers {@code handshake_expired}.
 */
final class FederationReceiveIntegrationTest {
    private static final SuiteId SUITE = SuiteId.X25519_CHACHA20_POLY1305;
    private static final DomainEncryptionPrivateKey OUR_ENCRYPTION = DomainEncryptionPrivateKey.generate(SUITE, RandomSource.secure());
    private static final IdentityPrivateKey ALICE = IdentityPrivateKey.generate(RandomSource.secure());
    private static final UserEncryptionPrivateKey BOB = UserEncryptionPrivateKey.generate(SUITE, RandomSource.secure());

    private final MutableClock clock = new MutableClock(NOW);
    private final List<AcceptedEnvelope> inbox = new ArrayList<>();
    private final SessionTable sessions = new SessionTable(FederationLimits.DEFAULTS, clock);
    private final ReceivePipeline pipeline = new ReceivePipeline(ReceiveConfig.defaults(Set.of("b.example")),
            new ServerKeys(d -> d.equals("a.example") ? List.of(A.publicKey()) : List.of(),
                    d -> d.equals("b.example") ? List.of(OUR_ENCRYPTION) : List.of(), US),
            sessions, (postmark, brief) -> PolicyDecision.deliver(),
            new LocalUsers("bob@b.example"::equals, new InMemoryUserBlockList(), new InMemoryKnownCorrespondents()), inbox::add,
            RandomSource.secure());
    private final FederationService service = new FederationService(FederationConfig.of(LOCAL, peerKeys(),
            DomainProofVerifier.signedWithHttpsPublishedKey(), RandomSource.secure(), pipeline::receive), sessions);

    private static byte[] sealed(String text, String sessionId, SecretBytes envMac, Instant at) throws Exception {
        Draft draft = new Draft(Brief.of("msg-" + text, "alice@a.example", List.of("bob@b.example"), at),
                Enclosure.of("subject", "text/plain", text));
        RecipientKeys keys = new RecipientKeys(Map.of("b.example", OUR_ENCRYPTION.publicKey()), Map.of("bob@b.example", List.of(BOB.publicKey())));
        var envelope = new EnvelopeComposer(ComposeOptions.defaults(SUITE), RandomSource.secure(), PostmarkIds.ulid(at, RandomSource.secure()))
                .compose(draft, Sender.of(ALICE), keys, sessionId, at).getFirst().envelope();
        return EnvelopeCodec.encode(new EnvelopeSealer(A, SizeBuckets.standard()).seal(envelope, sessionId, envMac, RandomSource.secure()));
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
