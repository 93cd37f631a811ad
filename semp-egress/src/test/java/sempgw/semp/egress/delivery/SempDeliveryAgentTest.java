package sempgw.semp.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.Envelope;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.semp.egress.federation.DeliveryException;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

final class SempDeliveryAgentTest {
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final DomainSigningPrivateKey SENDER_KEY = DomainSigningPrivateKey.generate(RandomSource.secure());

    private final List<Recipient> recipients = TestEnvelopes.recipients("alice", "bob");
    private final QueueEntry entry = TestEnvelopes.entry(recipients, NOW.minus(Duration.ofMinutes(10)));
    private final Envelope envelope = TestEnvelopes.composed(NOW, NOW.plus(Duration.ofHours(24)), 3000);
    private final FakePeer peer = new FakePeer(SENDER_KEY.publicKey(), NOW, FakePeer.deliveredWithReceipt());
    private final LogCapture log = new LogCapture(SempDeliveryAgent.class);

    @AfterEach
    void closeLog() {
        log.close();
    }

    private SempDeliveryAgent agent(SempDeliverySettings settings) {
        return new SempDeliveryAgent(peer, peer.keys(), SENDER_KEY, settings, Clock.fixed(NOW, ZoneOffset.UTC), RandomSource.secure());
    }

    private List<DeliveryResult> deliver() {
        return agent(SempDeliverySettings.defaults()).deliver(entry, recipients, TestEnvelopes.content(envelope));
    }

    @Test
    void deliver_deliveredWithValidReceipt_isDeliveredForEveryRecipient() {
        List<DeliveryResult> results = deliver();

        String keyId = peer.domainKey.keyId().hex();
        assertThat(results).hasSize(2).containsOnly(
                new DeliveryResult.Delivered("semp; delivered, receipt signed by key " + keyId + " at 2026-11-26T01:00:00Z"));
        assertThat(peer.invalidations).hasValue(0);
        assertThat(peer.timeouts).containsExactly(Duration.ofSeconds(30));
        assertThat(log.lines(Level.INFO)).singleElement().asString()
                .contains("Q7SEMP0001", "peer=peer.example", "outcome=delivered", "code=delivered")
                .doesNotContain("alice", "bob");
    }

    /** CONFORMANCE.md §9.3.1: a peer clock up to 5 minutes ahead is accepted, so the delivery is not retried into a duplicate. */
    @Test
    void deliver_receiptFromAPeerWhoseClockIsFourMinutesAhead_isDeliveredNotRetried() {
        peer.now = NOW.plus(Duration.ofMinutes(4));

        assertThat(deliver()).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Delivered.class));
        assertThat(peer.invalidations).hasValue(0);
    }

    @Test
    void deliver_delivered_theVerifiedReceiptIsKeptUnderTheEnvelopeIdWhichTheLogNames() {
        List<String> kept = new java.util.ArrayList<>();
        SempDeliveryAgent agent = new SempDeliveryAgent(peer, peer.keys(), SENDER_KEY, SempDeliverySettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), RandomSource.secure(), (id, receipt) -> kept.add(id + " " + receipt.keyId().hex()));

        agent.deliver(entry, recipients, TestEnvelopes.content(envelope));

        assertThat(kept).containsExactly(envelope.postmark().id() + " " + peer.domainKey.keyId().hex());
        assertThat(log.lines(Level.INFO)).singleElement().asString().contains("envelope=" + envelope.postmark().id());
    }

    @Test
    void deliver_deliveredWithoutReceipt_isDeferredAndDropsTheSession() {
        peer.answering(FakePeer.deliveredWithoutReceipt());

        List<DeliveryResult> results = deliver();

        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Deferred.class)
                .extracting(DeliveryResult::reply).asString().startsWith("semp; receipt_invalid: ").contains("no receipt"));
        assertThat(results).allSatisfy(r -> assertThat(r.reason()).map(DeliveryResult.Reason::code).contains("receipt_invalid"));
        assertThat(peer.invalidations).hasValue(1);
        assertThat(log.lines(Level.WARN)).isEmpty();
    }

    @Test
    void deliver_relaxedPeerWithoutReceipt_isDeliveredAndWarnsNamingThePeer() {
        peer.answering(FakePeer.deliveredWithoutReceipt());
        SempDeliverySettings relaxed = SempDeliverySettings.defaults().withRelaxedReceiptPeers(Set.of("Peer.Example"));

        List<DeliveryResult> first = agent(relaxed).deliver(entry, recipients, TestEnvelopes.content(envelope));
        List<DeliveryResult> second = agent(relaxed).deliver(entry, recipients, TestEnvelopes.content(envelope));

        assertThat(first).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Delivered.class)
                .extracting(DeliveryResult::reply).asString().contains("receipt not verified"));
        assertThat(second).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Delivered.class));
        assertThat(peer.invalidations).hasValue(0);
        assertThat(log.lines(Level.WARN)).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("Q7SEMP0001", "peer=peer.example", "peer.example is in semp.receipts.relaxed_peers")
                .doesNotContain("alice"));
    }

    @Test
    void deliver_receiptForAnotherEnvelope_isDeferredAndDropsTheSession() {
        peer.answering(FakePeer.deliveredWithReceiptForAnotherEnvelope());

        List<DeliveryResult> results = deliver();

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Deferred.class)
                .extracting(DeliveryResult::reply).asString().startsWith("semp; receipt_invalid: "));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_receiptSignedByAnUnpublishedKey_isDeferred() {
        DomainSigningPrivateKey impostor = DomainSigningPrivateKey.generate(RandomSource.secure());
        peer.answering((env, p) -> p.ack(new sempgw.core.delivery.Acknowledgment.Delivered(env.envelope().postmark().id(),
                sempgw.core.delivery.DeliveryReceipt.issue(env.canonicalBytes(), TestEnvelopes.PEER_DOMAIN, p.now, impostor))));

        assertThat(deliver()).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Deferred.class));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_recoverableRejection_isDeferredWithTheCodeAndKeepsTheSession() {
        peer.answering(FakePeer.rejected(SempReason.RATE_LIMITED, "slow down"));

        List<DeliveryResult> results = deliver();

        assertThat(results).containsOnly(new DeliveryResult.Deferred("semp; rate_limited: slow down",
                new DeliveryResult.Reason("rate_limited", "slow down")));
        assertThat(peer.invalidations).hasValue(0);
        assertThat(log.lines(Level.INFO)).singleElement().asString().contains("outcome=deferred", "code=rate_limited");
    }

    @Test
    void deliver_noSession_dropsTheSessionAndIsDeferred() {
        peer.answering(FakePeer.rejected(SempReason.NO_SESSION, "unknown session"));

        List<DeliveryResult> results = deliver();

        assertThat(results).containsOnly(new DeliveryResult.Deferred("semp; no_session: unknown session",
                new DeliveryResult.Reason("no_session", "unknown session")));
        assertThat(peer.invalidations).hasValue(1);
    }

    /** CONFORMANCE.md §9.3.3: a reply stamped beyond the tolerance is unusable, even a signed-looking refusal; retried, never a bounce. */
    @Test
    void deliver_terminalRejectionFromAPeerWhoseClockIsSixMinutesAhead_isDeferredNotFailed() {
        peer.now = NOW.plus(Duration.ofMinutes(6));
        peer.answering(FakePeer.rejected(SempReason.POLICY_FORBIDDEN, "not accepted"));

        assertThat(deliver()).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Deferred.class));
    }

    @Test
    void deliver_terminalRejection_isFailedWithTheCode() {
        peer.answering(FakePeer.rejected(SempReason.POLICY_FORBIDDEN, "not accepted\r\nInjected: line"));

        List<DeliveryResult> results = deliver();

        assertThat(results).containsOnly(new DeliveryResult.Failed("semp", "policy_forbidden: not accepted??Injected: line",
                new DeliveryResult.Reason("policy_forbidden", "not accepted??Injected: line")));
        assertThat(log.lines(Level.INFO)).singleElement().asString()
                .contains("outcome=failed", "code=policy_forbidden").doesNotContain("\n");
    }

    @Test
    void deliver_silentPeer_isDeferredAndDropsTheSession() {
        peer.answering(FakePeer.silent());

        List<DeliveryResult> results = deliver();

        assertThat(results).containsOnly(new DeliveryResult.Deferred("semp; silent: no acknowledgment within 30 s",
                new DeliveryResult.Reason("silent", "no acknowledgment within 30 s")));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_malformedAcknowledgment_isDeferredAndDropsTheSession() {
        peer.answering(FakePeer.raw("{\"acknowledgment\":".getBytes(StandardCharsets.UTF_8)));

        List<DeliveryResult> results = deliver();

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Deferred.class)
                .extracting(DeliveryResult::reply).asString().startsWith("semp; transport: malformed acknowledgment"));
        assertThat(results).allSatisfy(r -> assertThat(r.reason()).map(DeliveryResult.Reason::code).contains("transport"));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_noChannel_isDeferredAndDropsTheSession() {
        peer.failingChannel(new DeliveryException("discovery temporary: SERVFAIL"));

        List<DeliveryResult> results = deliver();

        assertThat(results).containsOnly(new DeliveryResult.Deferred("semp; transport: discovery temporary: SERVFAIL",
                new DeliveryResult.Reason("transport", "discovery temporary: SERVFAIL")));
        assertThat(peer.invalidations).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(value = SempReason.class, names = {"BLOCKED", "AUTH_FAILED", "POLICY_FORBIDDEN", "VERSION_UNSUPPORTED"})
    void deliver_handshakeRefusedWithATerminalCode_isFailedWithThatCodeAndNotRetried(SempReason code) {
        peer.failingChannel(DeliveryException.refusedByPeer(code, "handshake with peer.example ended with " + code.code()));

        List<DeliveryResult> results = deliver();

        String reason = "handshake with peer.example ended with " + code.code();
        assertThat(results).hasSize(2).containsOnly(new DeliveryResult.Failed("semp", code.code() + ": " + reason,
                new DeliveryResult.Reason(code.code(), reason)));
        assertThat(peer.invalidations).hasValue(0);
        assertThat(log.lines(Level.INFO)).singleElement().asString().contains("outcome=failed", "code=" + code.code());
    }

    @ParameterizedTest
    @EnumSource(value = SempReason.class, names = {"SERVER_AT_CAPACITY", "RATE_LIMITED", "HANDSHAKE_INVALID", "HANDSHAKE_EXPIRED"})
    void deliver_handshakeRefusedWithARecoverableCode_isDeferredUnderThatCode(SempReason code) {
        peer.failingChannel(DeliveryException.refusedByPeer(code, "try later"));

        List<DeliveryResult> results = deliver();

        assertThat(results).containsOnly(new DeliveryResult.Deferred("semp; " + code.code() + ": try later",
                new DeliveryResult.Reason(code.code(), "try later")));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_sessionDroppedByAnotherCallerBeforeSealing_isDeferredAndTheRetryUsesANewSession() throws Exception {
        peer.channel(TestEnvelopes.PEER_DOMAIN, NOW);
        peer.opened.getFirst().dropped = true;

        List<DeliveryResult> first = deliver();
        List<DeliveryResult> retry = deliver();

        assertThat(first).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Deferred.class)
                .extracting(DeliveryResult::reply).asString().startsWith("semp; transport: session ").contains("dropped meanwhile"));
        assertThat(first).allSatisfy(r -> assertThat(r.reason()).map(DeliveryResult.Reason::code).contains("transport"));
        assertThat(peer.invalidations).hasValue(1);
        assertThat(retry).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Delivered.class));
        assertThat(peer.opened).hasSize(2);
    }

    @Test
    void deliver_pastPostmarkExpires_isFailedExpiredWithoutContactingThePeer() {
        Envelope expired = TestEnvelopes.composed(NOW, NOW.minusSeconds(1), 3000);

        List<DeliveryResult> results = agent(SempDeliverySettings.defaults()).deliver(entry, recipients, TestEnvelopes.content(expired));

        assertThat(results).containsOnly(new DeliveryResult.Failed("semp", "expired: postmark.expires 2026-11-26T00:59:59Z passed",
                new DeliveryResult.Reason("expired", "postmark.expires 2026-11-26T00:59:59Z passed")));
        assertThat(peer.channelCalls).hasValue(0);
        assertThat(log.lines(Level.INFO)).singleElement().asString().contains("outcome=expired");
    }

    @Test
    void deliver_pastRetryHorizon_isFailedExpiredWithoutContactingThePeer() {
        QueueEntry old = TestEnvelopes.entry(recipients, NOW.minus(Duration.ofHours(72)));

        List<DeliveryResult> results = agent(SempDeliverySettings.defaults()).deliver(old, recipients, TestEnvelopes.content(envelope));

        assertThat(results).containsOnly(new DeliveryResult.Failed("semp", "expired: retry horizon 2026-11-26T01:00:00Z passed",
                new DeliveryResult.Reason("expired", "retry horizon 2026-11-26T01:00:00Z passed")));
        assertThat(peer.channelCalls).hasValue(0);
    }

    @Test
    void deliver_retryOverANewSession_resealsForItAndKeepsIdExpiresBriefAndEnclosure() {
        peer.answering(FakePeer.silent());
        deliver();
        peer.answering(FakePeer.deliveredWithReceipt());
        List<DeliveryResult> second = deliver();

        assertThat(second).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Delivered.class));
        assertThat(peer.opened).hasSize(2);
        Envelope a = peer.received.get(0).envelope();
        Envelope b = peer.received.get(1).envelope();
        assertThat(a.postmark().sessionId()).isEqualTo(peer.opened.get(0).sessionId());
        assertThat(b.postmark().sessionId()).isEqualTo(peer.opened.get(1).sessionId()).isNotEqualTo(a.postmark().sessionId());
        assertThat(b.postmark().id()).isEqualTo(a.postmark().id()).isEqualTo(envelope.postmark().id());
        assertThat(b.postmark().expires()).isEqualTo(a.postmark().expires()).isEqualTo(envelope.postmark().expires());
        assertThat(b.brief()).isEqualTo(a.brief()).isEqualTo(envelope.brief());
        assertThat(b.enclosure()).isEqualTo(a.enclosure()).isEqualTo(envelope.enclosure());
        assertThat(b.seal().briefRecipients()).isEqualTo(envelope.seal().briefRecipients());
        assertThat(b.seal().sessionMac()).isNotEqualTo(a.seal().sessionMac());
        assertThat(b.seal().signature()).isNotEqualTo(a.seal().signature());
    }

    @Test
    void deliver_envelopeOverThePeersLimit_isFailedEnvelopeSizeExceededWithoutSending() {
        peer.maxEnvelopeSize(4096);
        Envelope large = TestEnvelopes.composed(NOW, NOW.plus(Duration.ofHours(1)), 8000);

        List<DeliveryResult> results = agent(SempDeliverySettings.defaults()).deliver(entry, recipients, TestEnvelopes.content(large));

        assertThat(results).containsOnly(new DeliveryResult.Failed("semp",
                "envelope_size_exceeded: envelope exceeds the peer's max_envelope_size of 4096 bytes",
                new DeliveryResult.Reason("envelope_size_exceeded", "envelope exceeds the peer's max_envelope_size of 4096 bytes")));
        assertThat(peer.opened.getFirst().sent).isEmpty();
    }

    @Test
    void deliver_unreadableQueuedContent_isDeferredWithoutContactingThePeer() {
        List<DeliveryResult> results = agent(SempDeliverySettings.defaults())
                .deliver(entry, recipients, TestEnvelopes.content("not an envelope"));

        assertThat(results).containsOnly(new DeliveryResult.Deferred("semp; internal: queued envelope unreadable",
                new DeliveryResult.Reason("internal", "queued envelope unreadable")));
        assertThat(peer.channelCalls).hasValue(0);
    }

    @Test
    void deliver_handshakeExpiredRejection_dropsTheSessionAndIsDeferred() {
        peer.answering(FakePeer.rejected(SempReason.HANDSHAKE_EXPIRED, ""));

        assertThat(deliver()).containsOnly(new DeliveryResult.Deferred("semp; handshake_expired: no reason given",
                new DeliveryResult.Reason("handshake_expired", "no reason given")));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_unknownReasonCode_isFailedAsTerminal() {
        peer.answering(FakePeer.rejectedWithUnregisteredCode("quota_exceeded_v9", "full"));

        assertThat(deliver()).containsOnly(new DeliveryResult.Failed("semp", "unknown: reason_code \"quota_exceeded_v9\": full",
                new DeliveryResult.Reason("unknown", "reason_code \"quota_exceeded_v9\": full")));
        assertThat(peer.invalidations).hasValue(0);
    }

    @Test
    void deliver_acknowledgmentForAnotherEnvelope_isDeferredAndDropsTheSession() {
        peer.answering((env, p) -> p.ack(new sempgw.core.delivery.Acknowledgment.Delivered("01JOTHERENVELOPE000000000",
                sempgw.core.delivery.DeliveryReceipt.issue(env.canonicalBytes(), TestEnvelopes.PEER_DOMAIN, p.now, p.domainKey))));

        assertThat(deliver()).containsOnly(new DeliveryResult.Deferred("semp; transport: acknowledgment names another envelope",
                new DeliveryResult.Reason("transport", "acknowledgment names another envelope")));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_connectionLostDuringExchange_isDeferredAndDropsTheSession() {
        peer.answering((env, p) -> {
            throw new DeliveryException("stream reset by peer");
        });

        assertThat(deliver()).containsOnly(new DeliveryResult.Deferred("semp; transport: stream reset by peer",
                new DeliveryResult.Reason("transport", "stream reset by peer")));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_sessionKeyDestroyedUnderneath_isDeferredNeverThrown() throws Exception {
        peer.channel(TestEnvelopes.PEER_DOMAIN, NOW).envMacKey().destroy();

        assertThat(deliver()).containsOnly(new DeliveryResult.Deferred("semp; internal: internal error",
                new DeliveryResult.Reason("internal", "internal error")));
        assertThat(log.lines(Level.WARN)).singleElement().asString().contains("Q7SEMP0001", "IllegalStateException");
    }

    @Test
    void deliver_peerLimitBelowTheSmallestBucket_isFailedEnvelopeSizeExceeded() {
        peer.maxEnvelopeSize(1024);

        assertThat(deliver()).containsOnly(new DeliveryResult.Failed("semp",
                "envelope_size_exceeded: envelope exceeds the peer's max_envelope_size of 1024 bytes",
                new DeliveryResult.Reason("envelope_size_exceeded", "envelope exceeds the peer's max_envelope_size of 1024 bytes")));
    }

    @Test
    void deliver_deferral_carriesItsCodeAsAFieldWithoutStatus_replyTextNamesTheSameCode() {
        peer.answering(FakePeer.rejected(SempReason.RATE_LIMITED, "slow down"));

        DeliveryResult deferred = deliver().getFirst();

        assertThat(deferred.reason()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("rate_limited");
            assertThat(r.status()).isEmpty();
            assertThat(deferred.reply()).isEqualTo("semp; " + r.code() + ": " + r.detail());
        });
    }

    @Test
    void deliver_failure_carriesItsCodeAsAFieldWithoutStatus_replyTextNamesTheSameCode() {
        peer.maxEnvelopeSize(1024);

        DeliveryResult failed = deliver().getFirst();

        assertThat(failed).isInstanceOfSatisfying(DeliveryResult.Failed.class, f -> assertThat(f.diagnosticType()).isEqualTo("semp"));
        assertThat(failed.reason()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("envelope_size_exceeded");
            assertThat(r.status()).isEmpty();
            assertThat(failed.reply()).isEqualTo(r.code() + ": " + r.detail());
        });
    }

    @Test
    void deliver_noRecipients_noResultAndNoContactWithThePeer() {
        assertThat(agent(SempDeliverySettings.defaults()).deliver(entry, List.of(), TestEnvelopes.content(envelope))).isEmpty();
        assertThat(peer.channelCalls).hasValue(0);
    }

    @Test
    void deliver_oneRecipient_oneResult() {
        List<Recipient> one = recipients.subList(1, 2);

        assertThat(agent(SempDeliverySettings.defaults()).deliver(entry, one, TestEnvelopes.content(envelope))).hasSize(1);
    }
}
