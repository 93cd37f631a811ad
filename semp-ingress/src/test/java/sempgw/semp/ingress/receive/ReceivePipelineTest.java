package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.receive.ReceiveFixture.ALICE;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.CAROL;
import static sempgw.semp.ingress.receive.ReceiveFixture.LOCAL;
import static sempgw.semp.ingress.receive.ReceiveFixture.NOW;
import static sempgw.semp.ingress.receive.ReceiveFixture.OUR_SIGNING;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.ReceivedEnvelope;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;

/** Delivery: store first, then a verifiable receipt; retries and inbox failures (DELIVERY.md §1.1, §3). */
final class ReceivePipelineTest {
    private final ReceiveFixture f = new ReceiveFixture();

    private static Acknowledgment.Delivered delivered(ReceiveFixture.RecordingInbox inbox, ReceiveOutcome outcome) throws Exception {
        Acknowledgment a = ReceiveFixture.ack(outcome);
        assertThat(a).isInstanceOf(Acknowledgment.Delivered.class);
        return (Acknowledgment.Delivered) a;
    }

    private static byte[] canonical(byte[] wire) throws Exception {
        ReceivedEnvelope r = EnvelopeCodec.decode(wire, 1 << 25);
        return r.canonicalBytes();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void receive_validEnvelopeEitherSuite_storesThenDeliversWithVerifiableReceipt(SuiteId suite) throws Exception {
        byte[] wire = ReceiveFixture.seal(ReceiveFixture.compose(suite, ALICE, "Hello Bob", BOB, CAROL));

        Acknowledgment.Delivered d = delivered(f.inbox, f.receive(wire));

        assertThat(f.inbox.stored).hasSize(1);
        AcceptedEnvelope stored = f.inbox.stored.getFirst();
        assertThat(stored.wire()).isEqualTo(wire);
        assertThat(stored.localRecipients()).containsExactly(BOB, CAROL);
        assertThat(stored.senderAddress()).isEqualTo(ALICE);
        assertThat(stored.fromDomain()).isEqualTo(PEER);
        assertThat(stored.postmarkId()).isEqualTo(d.envelopeId());
        assertThat(stored.receivedAt()).isEqualTo(NOW);
        assertThat(stored.envelope()).isEqualTo(EnvelopeCodec.decode(wire, 1 << 25).envelope());
        assertThat(stored.brief().from()).isEqualTo(ALICE);
        assertThat(stored.brief().to()).containsExactly(BOB, CAROL);
        DeliveryReceipt receipt = d.receipt().orElseThrow();
        assertThat(receipt.verify(canonical(wire), LOCAL, List.of(OUR_SIGNING.publicKey()), NOW)).isEmpty();
        assertThat(receipt.recipientDomain()).isEqualTo(LOCAL);
        assertThat(receipt.keyId()).isEqualTo(OUR_SIGNING.keyId());
    }

    @Test
    void receive_receipt_doesNotVerifyForAnotherEnvelope() throws Exception {
        Acknowledgment.Delivered d = delivered(f.inbox, f.receive(ReceiveFixture.sealedTo(BOB)));
        byte[] other = canonical(ReceiveFixture.sealedTo(BOB));
        assertThat(d.receipt().orElseThrow().verify(other, LOCAL, List.of(OUR_SIGNING.publicKey()), NOW)).isPresent();
    }

    @Test
    void receive_sameEnvelopeTwice_deliveredTwiceStoredOnceWithFreshReceipt() throws Exception {
        byte[] wire = ReceiveFixture.sealedTo(BOB);
        Acknowledgment.Delivered first = delivered(f.inbox, f.receive(wire));
        Acknowledgment.Delivered second = delivered(f.inbox, f.receive(wire, NOW.plusSeconds(30)));

        assertThat(f.inbox.stored).hasSize(1);
        assertThat(second.envelopeId()).isEqualTo(first.envelopeId());
        assertThat(second.receipt().orElseThrow().acceptedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(second.receipt().orElseThrow().verify(canonical(wire), LOCAL, List.of(OUR_SIGNING.publicKey()), NOW)).isEmpty();
    }

    @Test
    void receive_sameEnvelopeAfterARestart_deliveredAgainStoredOnce(@TempDir Path dir) throws Exception {
        byte[] wire = ReceiveFixture.sealedTo(BOB);
        Path file = dir.resolve("semp-delivered");
        try (DeliveredJournal before = DeliveredJournal.open(file, 100, NOW)) {
            f.restart(before);
            delivered(f.inbox, f.receive(wire));
        }
        try (DeliveredJournal after = DeliveredJournal.open(file, 100, NOW.plusSeconds(30))) {
            f.restart(after);
            delivered(f.inbox, f.receive(wire, NOW.plusSeconds(30)));
        }

        assertThat(f.inbox.stored).hasSize(1);
    }

    @Test
    void receive_sameEnvelopeAfterARestartWithoutJournal_storedTwice() throws Exception {
        byte[] wire = ReceiveFixture.sealedTo(BOB);
        delivered(f.inbox, f.receive(wire));
        f.restart(DeliveredJournal.none());
        delivered(f.inbox, f.receive(wire, NOW.plusSeconds(30)));

        assertThat(f.inbox.stored).hasSize(2);
    }

    @Test
    void receive_resealedRetryInANewSession_isStoredOnce() throws Exception {
        var envelope = ReceiveFixture.compose(BOB);
        delivered(f.inbox, f.receive(ReceiveFixture.seal(envelope)));
        byte[] resealed = ReceiveFixture.seal(envelope);
        delivered(f.inbox, f.receive(resealed));
        assertThat(f.inbox.stored).hasSize(1);
    }

    @Test
    void receive_inboxThrowsIOException_isServerUnavailableAndNothingRemembered() throws Exception {
        byte[] wire = ReceiveFixture.sealedTo(BOB);
        f.inbox.failure = Optional.of(new IOException("disk full"));

        Acknowledgment.Rejected r = ReceiveFixture.rejected(f.receive(wire));

        assertThat(r.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE);
        assertThat(r.reason().recoverable()).isTrue();
        assertThat(r.envelopeId()).isNotEmpty();
        assertThat(r.text()).doesNotContain("disk");
        f.inbox.failure = Optional.empty();
        delivered(f.inbox, f.receive(wire));
        assertThat(f.inbox.stored).hasSize(1);
    }

    @Test
    void receive_inboxRefusesAnUnsupportedExtension_isRejectedNamingTheKeyForEveryRecipientAndNothingRemembered() throws Exception {
        byte[] wire = ReceiveFixture.sealedTo(BOB, CAROL);
        f.inbox.refusal = Optional.of(new InboxRefusal(SempReason.EXTENSION_UNSUPPORTED, "required extension not supported",
                Optional.of("vendor.example.com/render")));

        ReceiveOutcome out = f.receive(wire);

        Acknowledgment.Rejected r = ReceiveFixture.rejected(out);
        assertThat(r.reason()).isEqualTo(SempReason.EXTENSION_UNSUPPORTED);
        assertThat(r.text()).isEqualTo("required extension not supported: vendor.example.com/render");
        JsonObject json = ReceiveFixture.json(out);
        assertThat(json.getOrNull("extension")).isEqualTo(JsonString.of("vendor.example.com/render"));
        assertThat(json.requireArray("results").elements()).extracting(row -> ((JsonObject) row).getOrNull("recipient"))
                .containsExactly(JsonString.of(BOB), JsonString.of(CAROL));
        assertThat(f.inbox.stored).isEmpty();
        f.inbox.refusal = Optional.empty();
        delivered(f.inbox, f.receive(wire));
        assertThat(f.inbox.stored).hasSize(1);
    }

    @Test
    void receive_inboxRefusesSealInvalid_isRejectedWithItsTextAndNoExtensionMember() throws Exception {
        f.inbox.refusal = Optional.of(new InboxRefusal(SempReason.SEAL_INVALID, "an attachment does not match its size or hash",
                Optional.empty()));

        ReceiveOutcome out = f.receive(ReceiveFixture.sealedTo(BOB));

        Acknowledgment.Rejected r = ReceiveFixture.rejected(out);
        assertThat(r.reason()).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(r.text()).isEqualTo("an attachment does not match its size or hash");
        assertThat(ReceiveFixture.json(out).has("extension")).isFalse();
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void receive_inboxThrowsRuntimeException_isServerUnavailable() throws Exception {
        ReceivePipeline p = new ReceivePipeline(f.config, new ServerKeys(SenderDomainKeys.of(d -> List.of(ReceiveFixture.PEER_SIGNING.publicKey())),
                d -> List.of(ReceiveFixture.domainKey(LOCAL, SuiteId.X25519_CHACHA20_POLY1305)), OUR_SIGNING),
                id -> SessionState.Active.of(ReceiveFixture.ENV_MAC), (pm, b) -> PolicyDecision.deliver(),
                new LocalUsers(a -> true, f.blocks, f.known), e -> {
                    throw new IllegalStateException("queue closed");
                }, RandomSource.secure());
        ReceiveOutcome out = p.receive(ReceiveFixture.sealedTo(BOB), new PeerSessionRef(PEER, ReceiveFixture.SESSION), NOW);
        assertThat(ReceiveFixture.reason(out)).isEqualTo(SempReason.SERVER_UNAVAILABLE);
    }

    @Test
    void receive_failingCollaborators_areServerUnavailableNeverAnException() throws Exception {
        byte[] wire = ReceiveFixture.sealedTo(BOB);
        ReceivePipeline keysDown = new ReceivePipeline(f.config, new ServerKeys((d, id) -> {
            throw new IllegalStateException("key fetch timed out");
        }, d -> List.of(), OUR_SIGNING), sid -> SessionState.Active.of(ReceiveFixture.ENV_MAC),
                (pm, b) -> PolicyDecision.deliver(), new LocalUsers(a -> true, f.blocks, f.known), f.inbox,
                RandomSource.secure());
        Acknowledgment.Rejected r = ReceiveFixture.rejected(keysDown.receive(wire, new PeerSessionRef(PEER, ReceiveFixture.SESSION), NOW));
        assertThat(r.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE);
        assertThat(r.envelopeId()).isNotEmpty();

        ReceivePipeline p = new ReceivePipeline(f.config, new ServerKeys(SenderDomainKeys.of(d -> List.of(ReceiveFixture.PEER_SIGNING.publicKey())),
                d -> List.of(ReceiveFixture.domainKey(LOCAL, SuiteId.X25519_CHACHA20_POLY1305)), OUR_SIGNING),
                sid -> SessionState.Active.of(ReceiveFixture.ENV_MAC),
                (pm, b) -> PolicyDecision.deliver(), new LocalUsers(a -> {
                    throw new IllegalStateException("directory unreachable");
                }, f.blocks, f.known), f.inbox, RandomSource.secure());
        assertThat(ReceiveFixture.reason(p.receive(wire, new PeerSessionRef(PEER, ReceiveFixture.SESSION), NOW)))
                .isEqualTo(SempReason.SERVER_UNAVAILABLE);
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void receive_recipientsOfOtherDomains_areNotLocalRecipients() throws Exception {
        delivered(f.inbox, f.receive(ReceiveFixture.seal(ReceiveFixture.compose(SuiteId.X25519_CHACHA20_POLY1305, ALICE, "x", BOB, "dave@c.example"))));
        assertThat(f.inbox.stored.getFirst().localRecipients()).containsExactly(BOB);
    }
}
