package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.receive.ReceiveFixture.ALICE;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.ENV_MAC;
import static sempgw.semp.ingress.receive.ReceiveFixture.NOW;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER_SIGNING;
import static sempgw.semp.ingress.receive.ReceiveFixture.SESSION;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Ulid;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainSigningPrivateKey;

/**
 * One test per rejection path, each with its exact reason code, its {@code postmark.id} and
 * nothing stored (ENVELOPE.md §9.1-§9.3, DELIVERY.md §3).
 */
final class ReceiveRejectionsTest {
    private final ReceiveFixture f = new ReceiveFixture();

    private Acknowledgment.Rejected rejectedAndNotStored(ReceiveOutcome outcome, SempReason expected) throws Exception {
        Acknowledgment.Rejected r = ReceiveFixture.rejected(outcome);
        assertThat(r.reason()).isEqualTo(expected);
        assertThat(r.text()).isNotBlank();
        assertThat(f.inbox.stored).isEmpty();
        return r;
    }

    @Test
    void receive_signedByAnotherKey_isSealInvalid() throws Exception {
        Envelope e = ReceiveFixture.compose(BOB);
        byte[] wire = ReceiveFixture.seal(e, DomainSigningPrivateKey.generate(RandomSource.secure()), SESSION, ENV_MAC);
        assertThat(rejectedAndNotStored(f.receive(wire), SempReason.SEAL_INVALID).envelopeId()).isEqualTo(e.postmark().id());
    }

    @Test
    void receive_macUnderAnotherKey_isSessionMacInvalid() throws Exception {
        Envelope e = ReceiveFixture.compose(BOB);
        byte[] wire = ReceiveFixture.seal(e, PEER_SIGNING, SESSION, SecretBytes.random(32, RandomSource.secure()));
        assertThat(rejectedAndNotStored(f.receive(wire), SempReason.SESSION_MAC_INVALID).envelopeId()).isEqualTo(e.postmark().id());
    }

    @Test
    void receive_afterPostmarkExpires_isEnvelopeExpired() throws Exception {
        Envelope e = ReceiveFixture.compose(BOB);
        ReceiveOutcome out = f.receive(ReceiveFixture.seal(e), e.postmark().expires().plusSeconds(1));
        assertThat(rejectedAndNotStored(out, SempReason.ENVELOPE_EXPIRED).envelopeId()).isEqualTo(e.postmark().id());
    }

    @Test
    void receive_sessionTheTableDoesNotKnow_isNoSession() throws Exception {
        f.sessions.clear();
        rejectedAndNotStored(f.receive(ReceiveFixture.sealedTo(BOB)), SempReason.NO_SESSION);
    }

    @Test
    void receive_envelopeNamingAnotherLiveSession_isNoSession() throws Exception {
        String other = Ulid.next(NOW, RandomSource.secure());
        f.sessions.put(other, SessionState.Active.of(ENV_MAC));
        byte[] wire = ReceiveFixture.seal(ReceiveFixture.compose(BOB), PEER_SIGNING, other, ENV_MAC);
        rejectedAndNotStored(f.receive(wire), SempReason.NO_SESSION);
    }

    @Test
    void receive_retiredSession_isHandshakeExpired() throws Exception {
        f.sessions.put(SESSION, new SessionState.Expired());
        Acknowledgment.Rejected r = rejectedAndNotStored(f.receive(ReceiveFixture.sealedTo(BOB)), SempReason.HANDSHAKE_EXPIRED);
        assertThat(r.reason().recoverable()).isTrue();
    }

    @Test
    void receive_invalidatedSession_isHandshakeInvalid() throws Exception {
        f.sessions.put(SESSION, new SessionState.Invalidated());
        rejectedAndNotStored(f.receive(ReceiveFixture.sealedTo(BOB)), SempReason.HANDSHAKE_INVALID);
    }

    @Test
    void receive_overMaxEnvelopeSizePaddingIncluded_isEnvelopeSizeExceededWithPostmarkId() throws Exception {
        f.config = f.config.withMaxEnvelopeSize(4096);
        Envelope e = ReceiveFixture.compose(SuiteId.X25519_CHACHA20_POLY1305, ALICE, "x".repeat(3000), BOB);
        byte[] wire = ReceiveFixture.seal(e);
        assertThat(wire.length).isEqualTo(8192);
        assertThat(rejectedAndNotStored(f.receive(wire), SempReason.ENVELOPE_SIZE_EXCEEDED).envelopeId()).isEqualTo(e.postmark().id());
    }

    @Test
    void receive_unknownRequiredPostmarkExtension_isExtensionUnsupportedNamingTheKey() throws Exception {
        Envelope e = ReceiveFixture.compose(BOB);
        Postmark p = e.postmark();
        JsonObject ext = JsonObject.builder().put("vendor.example/must-understand", Extensions.entry(true, JsonString.of("v"))).build();
        Envelope withExt = e.withPostmark(new Postmark(p.id(), p.sessionId(), p.fromDomain(), p.toDomain(), p.expires(), OptionalLong.empty(), ext));
        ReceiveOutcome out = f.receive(ReceiveFixture.seal(withExt));
        Acknowledgment.Rejected r = rejectedAndNotStored(out, SempReason.EXTENSION_UNSUPPORTED);
        assertThat(r.text()).contains("vendor.example/must-understand");
        assertThat(ReceiveFixture.json(out).getOrNull("extension")).isEqualTo(JsonString.of("vendor.example/must-understand"));
    }

    @Test
    void receive_unknownRequiredExtensionWithAnIllFormedKey_isExtensionUnsupportedWithoutEchoingTheKey() throws Exception {
        String key = "no namespace, a peer's text";
        Envelope e = ReceiveFixture.compose(BOB);
        Postmark p = e.postmark();
        JsonObject ext = JsonObject.builder().put(key, Extensions.entry(true, JsonString.of("v"))).build();
        Envelope withExt = e.withPostmark(new Postmark(p.id(), p.sessionId(), p.fromDomain(), p.toDomain(), p.expires(), OptionalLong.empty(), ext));
        ReceiveOutcome out = f.receive(ReceiveFixture.seal(withExt));
        Acknowledgment.Rejected r = rejectedAndNotStored(out, SempReason.EXTENSION_UNSUPPORTED);
        assertThat(r.text()).doesNotContain(key);
        assertThat(ReceiveFixture.json(out).getOrNull("extension")).isNull();
    }

    @Test
    void receive_postmarkFromDomainNotTheSessionPeer_isPolicyForbidden() throws Exception {
        ReceiveOutcome out = f.pipeline().receive(ReceiveFixture.sealedTo(BOB), new PeerSessionRef("c.example", SESSION), NOW);
        assertThat(rejectedAndNotStored(out, SempReason.POLICY_FORBIDDEN).text()).isEqualTo(Replies.POLICY_TEXT);
    }

    @Test
    void receive_briefFromOutsidePostmarkFromDomain_isPolicyForbidden() throws Exception {
        Envelope e = ReceiveFixture.compose(SuiteId.X25519_CHACHA20_POLY1305, "mallory@c.example", "hi", BOB);
        Postmark p = e.postmark();
        Envelope forged = e.withPostmark(new Postmark(p.id(), p.sessionId(), PEER, p.toDomain(), p.expires(), OptionalLong.empty(), p.extensions()));
        rejectedAndNotStored(f.receive(ReceiveFixture.seal(forged)), SempReason.POLICY_FORBIDDEN);
    }

    @Test
    void receive_domainPolicyRefuses_sendsItsCodeButNeverItsOperatorText() throws Exception {
        ReceivePipeline p = new ReceivePipeline(f.config, new ServerKeys(SenderDomainKeys.of(d -> List.of(PEER_SIGNING.publicKey())),
                d -> List.of(ReceiveFixture.domainKey(d, SuiteId.X25519_CHACHA20_POLY1305)), ReceiveFixture.OUR_SIGNING),
                id -> SessionState.Active.of(ENV_MAC), (pm, b) -> new PolicyDecision.Refuse(SempReason.BLOCKED, "operator note: spam wave 7"),
                new LocalUsers(a -> true, f.blocks, f.known), f.inbox, RandomSource.secure());
        Acknowledgment.Rejected r = ReceiveFixture.rejected(p.receive(ReceiveFixture.sealedTo(BOB), new PeerSessionRef(PEER, SESSION), NOW));
        assertThat(r.reason()).isEqualTo(SempReason.BLOCKED);
        assertThat(r.text()).isEqualTo(Replies.BLOCKED_TEXT);
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void receive_toDomainWeHoldKeysForButDoNotServe_isPolicyForbidden() throws Exception {
        rejectedAndNotStored(f.receive(ReceiveFixture.sealedTo("carol@c.example")), SempReason.POLICY_FORBIDDEN);
    }

    @Test
    void receive_toDomainWithoutKeys_isPolicyForbidden() throws Exception {
        rejectedAndNotStored(f.receive(ReceiveFixture.sealedTo("dave@d.example")), SempReason.POLICY_FORBIDDEN);
    }

    @Test
    void receive_notJsonOrNoReadablePostmarkId_isMalformedForTheTransportAndTheServiceKeepsServing() throws Exception {
        String[] junk = {"{not json", "", "[1,2]", "{\"type\":\"SEMP_ENVELOPE\",\"postmark\":7}",
            "{\"type\":\"SEMP_ENVELOPE\",\"version\":\"1.0.0\",\"postmark\":{\"id\":\"\"}}",
            "{\"type\":\"SEMP_ENVELOPE\",\"version\":\"9.0.0\",\"postmark\":{}}"};
        for (String j : junk) {
            assertThat(f.receive(j.getBytes(StandardCharsets.UTF_8))).as(j).isInstanceOf(ReceiveOutcome.Malformed.class);
        }
        assertThat(f.inbox.stored).isEmpty();
        assertThat(ReceiveFixture.ack(f.receive(ReceiveFixture.sealedTo(BOB)))).isInstanceOf(Acknowledgment.Delivered.class);
    }

    @Test
    void receive_envelopeMissingAField_isMalformedEvenWithAReadablePostmarkId() {
        String wire = "{\"type\":\"SEMP_ENVELOPE\",\"version\":\"1.0.0\",\"postmark\":{\"id\":\"01JX\"}}";
        assertThat(f.receive(wire.getBytes(StandardCharsets.UTF_8))).isInstanceOf(ReceiveOutcome.Malformed.class);
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void receive_otherMajorVersionWithAReadablePostmarkId_isVersionUnsupportedNamingIt() throws Exception {
        String wire = "{\"type\":\"SEMP_ENVELOPE\",\"version\":\"9.0.0\",\"postmark\":{\"id\":\"01JX\"}}";
        assertThat(rejectedAndNotStored(f.receive(wire.getBytes(StandardCharsets.UTF_8)), SempReason.VERSION_UNSUPPORTED).envelopeId())
                .isEqualTo("01JX");
    }

    @Test
    void receive_expiryGrace_acceptsWithinGrace() throws Exception {
        f.config = new ReceiveConfig(f.config.localDomains(), f.config.maxEnvelopeSize(), Duration.ofMinutes(5), f.config.supportedExtensions(),
                f.config.firstContact(), f.config.rateLimit(), f.config.duplicateWindowCapacity());
        Envelope e = ReceiveFixture.compose(BOB);
        ReceiveOutcome out = f.receive(ReceiveFixture.seal(e), e.postmark().expires().plusSeconds(60));
        assertThat(ReceiveFixture.ack(out)).isInstanceOf(Acknowledgment.Delivered.class);
    }
}
