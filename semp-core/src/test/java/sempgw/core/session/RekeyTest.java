package sempgw.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/** Java-to-Java rekeys, their refusals, and malformed rekey input (SESSION.md §3). */
final class RekeyTest {
    static final Instant T0 = SessionTest.T0;

    /** Two ends of one session: the same id and keys, opposite sides. */
    static Session[] pair(SuiteId suite, Duration ttl) {
        SessionKeys a = SessionTest.keys(7);
        SessionKeys b = SessionTest.keys(7);
        return new Session[] {
            Session.establish(Session.Kind.FEDERATION, Session.Side.INITIATOR, "01SESSION", "b.example", suite, a, T0, ttl, Session.Terms.NONE),
            Session.establish(Session.Kind.FEDERATION, Session.Side.RESPONDER, "01SESSION", "a.example", suite, b, T0, ttl, Session.Terms.NONE),
        };
    }

    static List<String> hexKeys(Session s) {
        return GoRekeyVectorsTest.hexKeys(s.keys());
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void rekey_startedByEitherSide_bothEndWithTheSameNewIdAndKeys(SuiteId suite) {
        for (int starter = 0; starter < 2; starter++) {
            Session[] p = pair(suite, Duration.ofMinutes(10));
            Instant at = T0.plusSeconds(480);
            RekeyInitiator i = new RekeyInitiator(p[starter], RandomSource.secure());
            byte[] init = ((RekeyStep.Send) i.begin(at)).message();
            RekeyStep answered = RekeyResponder.handle(p[1 - starter], init, at, RandomSource.secure());
            assertThat(answered).isInstanceOf(RekeyStep.Rekeyed.class);
            RekeyStep done = i.onMessage(((RekeyStep.Rekeyed) answered).message().orElseThrow(), at);

            assertThat(done).isInstanceOf(RekeyStep.Rekeyed.class);
            assertThat(p[0].id()).isEqualTo(p[1].id()).isNotEqualTo("01SESSION").hasSize(26);
            assertThat(hexKeys(p[0])).isEqualTo(hexKeys(p[1]));
            assertThat(p[0].expiresAt()).isEqualTo(at.plus(Duration.ofMinutes(10)));
            assertThat(p[1].envelopeMacKey("01SESSION", at.plusSeconds(1))).isPresent();
        }
    }

    @Test
    void rekey_tooSoonAfterTheLast_responderRefusesWithSealedRateLimited() {
        Session[] p = pair(SuiteId.X25519_CHACHA20_POLY1305, Duration.ofHours(1));
        Instant at = T0.plusSeconds(600);
        RekeyInitiator first = new RekeyInitiator(p[0], RandomSource.secure());
        first.onMessage(((RekeyStep.Rekeyed) RekeyResponder.handle(p[1], ((RekeyStep.Send) first.begin(at)).message(), at,
                RandomSource.secure())).message().orElseThrow(), at);
        assertThat(new RekeyInitiator(p[0], RandomSource.secure()).begin(at.plusSeconds(30)))
                .isEqualTo(new RekeyStep.Refused(SempReason.RATE_LIMITED, "rekey not allowed now", false, Optional.empty()));

        Session eager = Session.establish(Session.Kind.FEDERATION, Session.Side.INITIATOR, p[0].id(), "b.example",
                SuiteId.X25519_CHACHA20_POLY1305, copy(p[0].keys()), T0, Duration.ofHours(1), Session.Terms.NONE);
        RekeyInitiator again = new RekeyInitiator(eager, RandomSource.secure());
        byte[] init = ((RekeyStep.Send) again.begin(at.plusSeconds(30))).message();
        RekeyStep refusal = RekeyResponder.handle(p[1], init, at.plusSeconds(30), RandomSource.secure());
        assertThat(refusal).isInstanceOf(RekeyStep.Refused.class);
        assertThat(((RekeyStep.Refused) refusal).reason()).isEqualTo(SempReason.RATE_LIMITED);
        RekeyStep seen = again.onMessage(((RekeyStep.Refused) refusal).message().orElseThrow(), at.plusSeconds(30));
        assertThat(seen).isEqualTo(new RekeyStep.Refused(SempReason.RATE_LIMITED, "peer refused the rekey", true, Optional.empty()));
        assertThat(eager.id()).isEqualTo(p[0].id());
    }

    private static SessionKeys copy(SessionKeys k) {
        var a = sempgw.core.crypto.InsecureSecretAccess.get();
        return new SessionKeys(sempgw.core.crypto.SecretBytes.copyOf(k.encC2s().toByteArray(a)),
                sempgw.core.crypto.SecretBytes.copyOf(k.encS2c().toByteArray(a)), sempgw.core.crypto.SecretBytes.copyOf(k.macC2s().toByteArray(a)),
                sempgw.core.crypto.SecretBytes.copyOf(k.macS2c().toByteArray(a)), sempgw.core.crypto.SecretBytes.copyOf(k.envMac().toByteArray(a)));
    }

    @Test
    void rekey_expiredSession_initiatorRefusesLocally() {
        Session[] p = pair(SuiteId.X25519_CHACHA20_POLY1305, Duration.ofSeconds(60));
        RekeyStep s = new RekeyInitiator(p[0], RandomSource.secure()).begin(T0.plusSeconds(60));
        assertThat(s).isInstanceOf(RekeyStep.Refused.class);
        assertThat(((RekeyStep.Refused) s).reason()).isEqualTo(SempReason.SESSION_EXPIRED);
    }

    @Test
    void rekey_wrongDirectionOrOtherSessionOrTampered_unreadableWithoutReply() {
        Session[] p = pair(SuiteId.X25519_CHACHA20_POLY1305, Duration.ofHours(1));
        byte[] init = ((RekeyStep.Send) new RekeyInitiator(p[0], RandomSource.secure()).begin(T0.plusSeconds(100))).message();
        byte[] flipped = new String(init, StandardCharsets.UTF_8).replace("\"c2s\"", "\"s2c\"").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = init.clone();
        tampered[tampered.length - 10] ^= 1;
        Session other = pair(SuiteId.X25519_CHACHA20_POLY1305, Duration.ofHours(1))[0];
        for (Object[] c : new Object[][] {{p[1], flipped}, {p[1], tampered}, {other, init}}) {
            RekeyStep s = RekeyResponder.handle((Session) c[0], (byte[]) c[1], T0.plusSeconds(100), RandomSource.secure());
            assertThat(s).isInstanceOf(RekeyStep.Refused.class);
            assertThat(((RekeyStep.Refused) s).message()).isEmpty();
            assertThat(((RekeyStep.Refused) s).reason()).isEqualTo(SempReason.HANDSHAKE_INVALID);
        }
        assertThat(p[1].id()).isEqualTo("01SESSION");
    }

    @Test
    void rekey_malformedOuterAndInner_neverThrowNeverRekey() {
        Session[] p = pair(SuiteId.X25519_CHACHA20_POLY1305, Duration.ofHours(1));
        Instant at = T0.plusSeconds(100);
        byte[] init = ((RekeyStep.Send) new RekeyInitiator(p[0], RandomSource.secure()).begin(at)).message();
        Random rnd = new Random(99);
        CryptoSuite suite = CryptoSuite.of(SuiteId.X25519_CHACHA20_POLY1305);
        String[] inner = {"{}", "{\"type\":\"SEMP_REKEY\",\"step\":\"init\"}", "{\"type\":\"SEMP_REKEY\",\"step\":\"init\",\"session_id\":\"01SESSION\"}",
            "{\"type\":\"SEMP_REKEY\",\"step\":\"init\",\"session_id\":\"01SESSION\",\"rekey_nonce\":\"AA==\",\"new_ephemeral_key\":{}}",
            "{\"type\":\"SEMP_REKEY\",\"step\":\"init\",\"session_id\":\"01OTHER\"}", "[1]"};
        for (String s : inner) {
            byte[] sealed = SealedRekey.seal(suite, p[0].keys(), "01SESSION", RekeyDirection.C2S,
                    parseOrEmpty(s), RandomSource.secure());
            RekeyStep r = RekeyResponder.handle(p[1], sealed, at, RandomSource.secure());
            assertThat(r).isInstanceOf(RekeyStep.Refused.class);
            assertThat(((RekeyStep.Refused) r).message()).isPresent();
        }
        for (int i = 0; i < 400; i++) {
            byte[] m = Arrays.copyOf(init, Math.max(1, init.length - rnd.nextInt(8)));
            m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
            RekeyStep r = RekeyResponder.handle(p[1], m, at, RandomSource.secure());
            assertThat(r).isInstanceOf(RekeyStep.Refused.class);
            RekeyInitiator waiting = new RekeyInitiator(p[0], RandomSource.secure());
            waiting.begin(at);
            assertThat(waiting.onMessage(m, at)).isInstanceOf(RekeyStep.Refused.class);
        }
        assertThat(p[1].id()).isEqualTo("01SESSION");
    }

    private static JsonObject parseOrEmpty(String s) {
        try {
            return JsonParser.parseObject(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return JsonObject.EMPTY;
        }
    }
}
