package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.receive.ReceiveFixture.ALICE;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempReason;
import sempgw.core.json.JsonValue;
import sempgw.semp.ingress.Indistinguishability;

/**
 * No existence oracle (DELIVERY.md §6.4.3, DESIGN.md §2.7): the reply for a nonexistent address
 * and for an existing one that is blocked or gated has the same code, shape and length, and in
 * {@code challenge} mode the refusals of both take comparable time. The recipient addresses have
 * equal lengths so that only the pipeline could make a difference.
 */
final class ExistenceOracleTest {
    private static final String NOBODY = "zed@b.example";

    private static byte[] bytes(ReceiveOutcome out) {
        return ((ReceiveOutcome.Reply) out).acknowledgment();
    }

    @ParameterizedTest
    @EnumSource(FirstContactEnforcement.Mode.class)
    void reply_nonexistentVersusBlockedVersusGated_sameCodeShapeAndLength(FirstContactEnforcement.Mode mode) throws Exception {
        ReceiveFixture f = new ReceiveFixture();
        f.config = f.config.withFirstContact(new FirstContactEnforcement(mode, 8, Duration.ofMinutes(30)));
        f.blocks.blockUser(BOB, ALICE, UserBlockList.Action.REJECTED);

        ReceiveOutcome nonexistent = f.receive(ReceiveFixture.sealedTo(NOBODY));
        ReceiveOutcome blocked = f.receive(ReceiveFixture.sealedTo(BOB));

        assertThat(ReceiveFixture.reason(nonexistent)).isEqualTo(SempReason.POLICY_FORBIDDEN);
        assertThat(ReceiveFixture.reason(blocked)).isEqualTo(SempReason.POLICY_FORBIDDEN);
        assertThat(bytes(nonexistent)).hasSameSizeAs(bytes(blocked));
        assertThat(Indistinguishability.shape(bytes(nonexistent))).isEqualTo(Indistinguishability.shape(bytes(blocked)));
        assertThat(ReceiveFixture.rejected(nonexistent).text()).isEqualTo(ReceiveFixture.rejected(blocked).text());
        assertThat(ReceiveFixture.json(blocked).has("challenge")).isEqualTo(mode == FirstContactEnforcement.Mode.CHALLENGE);
        assertThat(f.inbox.stored).isEmpty();
        if (mode == FirstContactEnforcement.Mode.CHALLENGE) {
            ReceiveFixture unblocked = new ReceiveFixture();
            unblocked.config = f.config;
            ReceiveOutcome gated = unblocked.receive(ReceiveFixture.sealedTo(BOB));
            assertThat(bytes(gated)).hasSameSizeAs(bytes(nonexistent));
            assertThat(Indistinguishability.shape(bytes(gated))).isEqualTo(Indistinguishability.shape(bytes(nonexistent)));
            JsonValue difficulty = ReceiveFixture.json(gated).requireObject("challenge").requireObject("parameters").getOrNull("difficulty");
            assertThat(ReceiveFixture.json(nonexistent).requireObject("challenge").requireObject("parameters").getOrNull("difficulty"))
                    .isEqualTo(difficulty);
        }
    }

    @ParameterizedTest
    @EnumSource(FirstContactEnforcement.Mode.class)
    void reply_oneNonexistentAmongExistingRecipients_refusesTheWholeEnvelope(FirstContactEnforcement.Mode mode) throws Exception {
        ReceiveFixture f = new ReceiveFixture();
        f.config = f.config.withFirstContact(new FirstContactEnforcement(mode, 8, Duration.ofMinutes(30)));
        f.known.remember(BOB, PEER);
        f.known.remember(NOBODY, PEER);
        assertThat(ReceiveFixture.reason(f.receive(ReceiveFixture.sealedTo(BOB, NOBODY)))).isEqualTo(SempReason.POLICY_FORBIDDEN);
        assertThat(f.inbox.stored).isEmpty();
    }

    /**
     * First contact in {@code challenge} mode: an existing recipient that does not know the sender
     * and a nonexistent one are refused with a fresh challenge each, of one shape and size, in
     * comparable time (300 refusals each, interleaved; medians within 2x: a code-path check, not
     * a benchmark). Envelopes are sealed beforehand so that only the pipeline is timed; the rate
     * limit is lifted so that no refusal turns silent.
     */
    @Test
    void firstContactRefusals_existingVersusNonexistent_sameShapeAndSizeAndComparableTime() throws Exception {
        int warmup = 50;
        int rounds = 300;
        ReceiveFixture f = new ReceiveFixture();
        f.config = f.config.withFirstContact(FirstContactEnforcement.challenge(8))
                .withRateLimit(new RateLimitPolicy(Integer.MAX_VALUE, Duration.ofHours(1)));
        List<byte[]> toNobody = new ArrayList<>();
        List<byte[]> toBob = new ArrayList<>();
        for (int i = 0; i < warmup + rounds; i++) {
            toNobody.add(ReceiveFixture.sealedTo(NOBODY));
            toBob.add(ReceiveFixture.sealedTo(BOB));
        }
        List<ReceiveOutcome> nonexistent = new ArrayList<>();
        List<ReceiveOutcome> existing = new ArrayList<>();

        Indistinguishability.assertComparableTimings("first contact: nonexistent / existing", warmup, rounds, 2.0,
                i -> nonexistent.add(f.receive(toNobody.get(i))), i -> existing.add(f.receive(toBob.get(i))));

        String shape = Indistinguishability.shape(bytes(existing.getFirst()));
        int size = bytes(existing.getFirst()).length;
        for (ReceiveOutcome out : concat(nonexistent, existing)) {
            assertThat(ReceiveFixture.json(out).requireString("reason_code")).isEqualTo("policy_forbidden");
            assertThat(ReceiveFixture.json(out).has("challenge")).isTrue();
            assertThat(Indistinguishability.shape(bytes(out))).isEqualTo(shape);
            assertThat(bytes(out)).hasSize(size);
        }
        assertThat(f.inbox.stored).isEmpty();
    }

    private static List<ReceiveOutcome> concat(List<ReceiveOutcome> a, List<ReceiveOutcome> b) {
        List<ReceiveOutcome> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
