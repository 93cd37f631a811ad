package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.ProofOfWork;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonObject;

/** Challenge bookkeeping: single use, binding, capacity (HANDSHAKE.md §2.2a.4). */
final class FirstContactChallengesTest {
    private static final Instant NOW = ReceiveFixture.NOW;
    private static final FirstContactEnforcement POLICY = FirstContactEnforcement.challenge(4);

    private static JsonObject token(JsonObject challenge, String postmarkId) throws Exception {
        JsonObject p = challenge.requireObject("parameters");
        byte[] prefix = Base64.getDecoder().decode(p.requireString("prefix"));
        byte[] nonce = ProofOfWork.solve(prefix, challenge.requireString("challenge_id"), 4, 1 << 20).orElseThrow();
        return JsonObject.builder().put("challenge_id", challenge.requireString("challenge_id")).put("algorithm", "sha256")
                .put("prefix", p.requireString("prefix")).put("difficulty", 4).put("postmark_id", postmarkId)
                .put("nonce", Base64.getEncoder().encodeToString(nonce)).put("issued_by", "b.example").build();
    }

    private static JsonObject issue(FirstContactChallenges c, String postmarkId) {
        return c.issue("a.example", "bob@b.example", postmarkId, POLICY, ReceiveFixture.OUR_SIGNING, RandomSource.secure(), NOW);
    }

    @Test
    void consume_afterUse_tokenNoLongerSatisfies() throws Exception {
        FirstContactChallenges c = new FirstContactChallenges(10);
        JsonObject t = token(issue(c, "P1"), "P1");
        assertThat(c.satisfiedRecipient(t, "a.example", "P1", NOW)).contains("bob@b.example");
        assertThat(c.consume(t)).isTrue();
        assertThat(c.consume(t)).isFalse();
        assertThat(c.satisfiedRecipient(t, "a.example", "P1", NOW)).isEmpty();
    }

    @Test
    void satisfiedRecipient_otherSenderDomainOrPostmark_isEmpty() throws Exception {
        FirstContactChallenges c = new FirstContactChallenges(10);
        JsonObject t = token(issue(c, "P1"), "P1");
        assertThat(c.satisfiedRecipient(t, "c.example", "P1", NOW)).isEmpty();
        assertThat(c.satisfiedRecipient(t, "a.example", "P2", NOW)).isEmpty();
        assertThat(c.satisfiedRecipient(t.toBuilder().put("difficulty", 1).build(), "a.example", "P1", NOW)).isEmpty();
        assertThat(c.satisfiedRecipient(t.without("nonce"), "a.example", "P1", NOW)).isEmpty();
    }

    @Test
    void issue_beyondCapacity_evictsOldestWhichThenFailsClosed() throws Exception {
        FirstContactChallenges c = new FirstContactChallenges(2);
        JsonObject oldest = token(issue(c, "P1"), "P1");
        issue(c, "P2");
        issue(c, "P3");
        assertThat(c.satisfiedRecipient(oldest, "a.example", "P1", NOW)).isEmpty();
    }

    @Test
    void issue_twice_givesDistinctIdsAndPrefixesOfEqualLength() throws Exception {
        FirstContactChallenges c = new FirstContactChallenges(10);
        JsonObject a = issue(c, "P1");
        JsonObject b = issue(c, "P1");
        assertThat(a.requireString("challenge_id")).isNotEqualTo(b.requireString("challenge_id"));
        assertThat(a.requireObject("parameters").requireString("prefix")).isNotEqualTo(b.requireObject("parameters").requireString("prefix"));
        assertThat(CanonicalJson.encode(a)).hasSameSizeAs(CanonicalJson.encode(b));
    }
}
