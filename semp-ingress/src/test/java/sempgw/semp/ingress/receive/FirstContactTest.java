package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.NOW;
import static sempgw.semp.ingress.receive.ReceiveFixture.OUR_SIGNING;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.Digests;
import sempgw.core.crypto.ProofOfWork;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.Seal;
import sempgw.core.handshake.ServerSignature;
import sempgw.core.json.JsonObject;

/** First-contact enforcement (DELIVERY.md §6.4, HANDSHAKE.md §2.2a.3-§2.2a.4). */
final class FirstContactTest {
    private static final int DIFFICULTY = 6;
    private final ReceiveFixture f = new ReceiveFixture();

    @BeforeEach
    void challengeMode() {
        f.config = f.config.withFirstContact(FirstContactEnforcement.challenge(DIFFICULTY));
    }

    private static Envelope withToken(Envelope e, JsonObject token) {
        Seal s = e.seal();
        return e.withSeal(new Seal(s.algorithm(), s.keyId(), s.signature(), s.sessionMac(), s.briefRecipients(), s.enclosureRecipients(),
                Optional.of(token), s.extensions()));
    }

    /** Solves {@code challenge} for {@code postmarkId} as a sender's server would. */
    private static JsonObject solve(JsonObject challenge, String postmarkId) throws Exception {
        JsonObject params = challenge.requireObject("parameters");
        byte[] prefix = Base64.getDecoder().decode(params.requireString("prefix"));
        String id = challenge.requireString("challenge_id");
        byte[] nonce = ProofOfWork.solve(prefix, id, (int) params.requireLong("difficulty"), 1L << 24).orElseThrow();
        return JsonObject.builder().put("challenge_id", id).put("algorithm", "sha256").put("prefix", params.requireString("prefix"))
                .put("difficulty", params.requireLong("difficulty")).put("postmark_id", postmarkId)
                .put("nonce", Base64.getEncoder().encodeToString(nonce)).put("issued_by", "semp.b.example").build();
    }

    private JsonObject challengeOf(ReceiveOutcome out) throws Exception {
        assertThat(ReceiveFixture.reason(out)).isEqualTo(SempReason.POLICY_FORBIDDEN);
        return ReceiveFixture.json(out).requireObject("challenge");
    }

    @Test
    void receive_unknownSenderWithoutToken_isPolicyForbiddenWithSignedBoundChallenge() throws Exception {
        Envelope e = ReceiveFixture.compose(BOB);
        JsonObject challenge = challengeOf(f.receive(ReceiveFixture.seal(e)));

        assertThat(f.inbox.stored).isEmpty();
        assertThat(challenge.requireString("challenge_type")).isEqualTo("proof_of_work");
        assertThat(ServerSignature.verify(challenge, OUR_SIGNING.publicKey())).isTrue();
        JsonObject params = challenge.requireObject("parameters");
        assertThat(params.requireString("algorithm")).isEqualTo("sha256");
        assertThat(params.requireLong("difficulty")).isEqualTo(DIFFICULTY);
        byte[] prefix = Base64.getDecoder().decode(params.requireString("prefix"));
        byte[] binding = Digests.sha256("SEMP-FIRST-CONTACT-V1:".getBytes(StandardCharsets.US_ASCII), PEER.getBytes(StandardCharsets.UTF_8),
                new byte[] {0}, BOB.getBytes(StandardCharsets.UTF_8), new byte[] {0}, e.postmark().id().getBytes(StandardCharsets.UTF_8));
        assertThat(prefix).hasSize(48);
        assertThat(Arrays.copyOfRange(prefix, 16, 48)).isEqualTo(binding);
        assertThat(Instant.parse(challenge.requireString("expires"))).isEqualTo(NOW.plus(f.config.firstContact().challengeLifetime()));
    }

    @Test
    void receive_solvedTokenSamePostmarkId_deliversThenSenderIsKnown() throws Exception {
        Envelope e = ReceiveFixture.compose(BOB);
        JsonObject challenge = challengeOf(f.receive(ReceiveFixture.seal(e)));

        ReceiveOutcome out = f.receive(ReceiveFixture.seal(withToken(e, solve(challenge, e.postmark().id()))), NOW.plusSeconds(5));

        assertThat(ReceiveFixture.ack(out)).isInstanceOf(Acknowledgment.Delivered.class);
        assertThat(f.inbox.stored).hasSize(1);
        assertThat(f.known.isKnown(BOB, PEER)).isTrue();
        assertThat(ReceiveFixture.ack(f.receive(ReceiveFixture.sealedTo(BOB)))).isInstanceOf(Acknowledgment.Delivered.class);
    }

    @Test
    void receive_tokenOnAnotherEnvelope_isRefusedAgain() throws Exception {
        Envelope first = ReceiveFixture.compose(BOB);
        JsonObject token = solve(challengeOf(f.receive(ReceiveFixture.seal(first))), first.postmark().id());
        Envelope second = ReceiveFixture.compose(BOB);
        challengeOf(f.receive(ReceiveFixture.seal(withToken(second, token))));
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void receive_tokenAfterChallengeExpired_isRefused() throws Exception {
        Envelope e = ReceiveFixture.compose(BOB);
        JsonObject token = solve(challengeOf(f.receive(ReceiveFixture.seal(e))), e.postmark().id());
        Instant late = NOW.plus(f.config.firstContact().challengeLifetime()).plusSeconds(1);
        challengeOf(f.receive(ReceiveFixture.seal(withToken(e, token)), late));
    }

    @Test
    void receive_tokenWithWrongNonce_isRefusedAndTheRightOneStillWorks() throws Exception {
        Envelope e = ReceiveFixture.compose(BOB);
        JsonObject token = solve(challengeOf(f.receive(ReceiveFixture.seal(e))), e.postmark().id());
        byte[] prefix = Base64.getDecoder().decode(token.requireString("prefix"));
        byte[] wrong = {0};
        while (ProofOfWork.leadingZeroBits(ProofOfWork.hash(prefix, token.requireString("challenge_id"), wrong)) >= DIFFICULTY) {
            wrong[0]++;
        }
        JsonObject tampered = token.toBuilder().put("nonce", Base64.getEncoder().encodeToString(wrong)).build();

        challengeOf(f.receive(ReceiveFixture.seal(withToken(e, tampered))));
        assertThat(f.inbox.stored).isEmpty();
        assertThat(ReceiveFixture.ack(f.receive(ReceiveFixture.seal(withToken(e, token))))).isInstanceOf(Acknowledgment.Delivered.class);
    }

    @Test
    void receive_knownCorrespondent_isDeliveredWithoutToken() throws Exception {
        f.known.remember(BOB, PEER);
        assertThat(ReceiveFixture.ack(f.receive(ReceiveFixture.sealedTo(BOB)))).isInstanceOf(Acknowledgment.Delivered.class);
    }

    @Test
    void receive_openMode_deliversFromUnknownSender() throws Exception {
        f.config = f.config.withFirstContact(FirstContactEnforcement.open());
        assertThat(ReceiveFixture.ack(f.receive(ReceiveFixture.sealedTo(BOB)))).isInstanceOf(Acknowledgment.Delivered.class);
    }

    @Test
    void policy_lifetimeBelowTheDifficultyFloor_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FirstContactEnforcement(FirstContactEnforcement.Mode.CHALLENGE, 25, Duration.ofSeconds(60)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FirstContactEnforcement.challenge(29));
    }
}
