package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.receive.ReceiveFixture.ALICE;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempReason;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;

/**
 * No existence oracle (DELIVERY.md §6.4.3, DESIGN.md §2.7): the reply for a nonexistent address
 * and for an existing one that is blocked or gated has the same code, shape and length. The
 * recipient addresses have equal lengths so that only the pipeline could make a difference.
 */
final class ExistenceOracleTest {
    private static final String NOBODY = "zed@b.example";

    private static Set<String> keys(JsonObject o) {
        TreeSet<String> out = new TreeSet<>();
        collect("", o, out);
        return out;
    }

    private static void collect(String path, JsonObject o, Set<String> out) {
        for (var m : o.members().entrySet()) {
            out.add(path + m.getKey());
            if (m.getValue() instanceof JsonObject child) {
                collect(path + m.getKey() + ".", child, out);
            }
        }
    }

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
        assertThat(keys(ReceiveFixture.json(nonexistent))).isEqualTo(keys(ReceiveFixture.json(blocked)));
        assertThat(ReceiveFixture.rejected(nonexistent).text()).isEqualTo(ReceiveFixture.rejected(blocked).text());
        assertThat(ReceiveFixture.json(blocked).has("challenge")).isEqualTo(mode == FirstContactEnforcement.Mode.CHALLENGE);
        assertThat(f.inbox.stored).isEmpty();
        if (mode == FirstContactEnforcement.Mode.CHALLENGE) {
            ReceiveFixture unblocked = new ReceiveFixture();
            unblocked.config = f.config;
            ReceiveOutcome gated = unblocked.receive(ReceiveFixture.sealedTo(BOB));
            assertThat(bytes(gated)).hasSameSizeAs(bytes(nonexistent));
            assertThat(keys(ReceiveFixture.json(gated))).isEqualTo(keys(ReceiveFixture.json(nonexistent)));
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
}
