package sempgw.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.handshake.Fixtures.NOW;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonBool;
import sempgw.core.json.JsonNull;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;

/**
 * Malformed input at every point where a handshake state machine parses a peer message: a fixed
 * corpus per parser, then a seeded mutation fuzz loop. Every input must end in a {@link Step},
 * never an unchecked exception; malformed JSON is always {@code handshake_invalid}; any change to
 * a signed message is always rejected.
 */
final class HandshakeMalformedInputTest {
    private static final Set<SempReason> LOCAL_REASONS = EnumSet.of(SempReason.HANDSHAKE_INVALID, SempReason.AUTH_FAILED,
            SempReason.VERSION_UNSUPPORTED, SempReason.POLICY_FORBIDDEN, SempReason.CHALLENGE_FAILED, SempReason.CHALLENGE_INVALID,
            SempReason.EXTENSION_UNSUPPORTED);

    /** Where a message is received, and whether it is signed. */
    enum Point {
        SERVER_INIT(false), SERVER_SOLUTION(false), SERVER_CONFIRM(false), CLIENT_CHALLENGE(true), CLIENT_RESPONSE(true),
        CLIENT_ACCEPTED(true), RESPONDER_INIT(true), RESPONDER_SOLUTION(false), RESPONDER_CONFIRM(true),
        INITIATOR_RESPONSE(true), INITIATOR_ACCEPTED(true);

        final boolean signed;

        Point(boolean signed) {
            this.signed = signed;
        }
    }

    /** A fresh party positioned at a point, and the genuine message it expects there. */
    record Staged(Fixtures.Party receiver, byte[] valid) {
    }

    static Staged stage(Point p, long seed) {
        RandomSource r = Fixtures.seeded(seed);
        boolean pow = p == Point.SERVER_SOLUTION || p == Point.CLIENT_CHALLENGE || p == Point.RESPONDER_SOLUTION;
        ResponderGuards g = pow ? Fixtures.guards().withChallenges(ChallengePolicy.always(PowDemand.of(2))) : Fixtures.guards();
        if (p.name().startsWith("SERVER") || p.name().startsWith("CLIENT")) {
            ServerHandshake s = ServerHandshake.create(Fixtures.server(g), r, NOW);
            ClientHandshake c = ClientHandshake.create(Fixtures.client(SuiteId.X25519_CHACHA20_POLY1305), r, NOW);
            List<byte[]> m = new ArrayList<>();
            m.add(c.begin().message());
            m.add(send(s.onMessage(m.get(0), NOW)));
            return switch (p) {
                case SERVER_INIT -> new Staged(ServerHandshake.create(Fixtures.server(Fixtures.guards()), r, NOW)::onMessage, m.get(0));
                case CLIENT_CHALLENGE -> new Staged(c::onMessage, m.get(1));
                case SERVER_SOLUTION -> new Staged(s::onMessage, send(c.onMessage(m.get(1), NOW)));
                case CLIENT_RESPONSE -> new Staged(c::onMessage, m.get(1));
                case SERVER_CONFIRM -> new Staged(s::onMessage, send(c.onMessage(m.get(1), NOW)));
                case CLIENT_ACCEPTED -> {
                    byte[] confirm = send(c.onMessage(m.get(1), NOW));
                    yield new Staged(c::onMessage, ((Step.Established) s.onMessage(confirm, NOW)).message().orElseThrow());
                }
                default -> throw new IllegalArgumentException();
            };
        }
        Responder resp = Responder.create(Fixtures.responder(g), r, NOW);
        Initiator init = Initiator.create(Fixtures.initiator(SuiteId.X25519_CHACHA20_POLY1305), r, NOW);
        byte[] first = init.begin().message();
        if (p == Point.RESPONDER_INIT) {
            return new Staged(Responder.create(Fixtures.responder(Fixtures.guards()), r, NOW)::onMessage, first);
        }
        byte[] second = send(resp.onMessage(first, NOW));
        return switch (p) {
            case RESPONDER_SOLUTION -> new Staged(resp::onMessage, send(init.onMessage(second, NOW)));
            case INITIATOR_RESPONSE -> new Staged(init::onMessage, second);
            case RESPONDER_CONFIRM -> new Staged(resp::onMessage, send(init.onMessage(second, NOW)));
            case INITIATOR_ACCEPTED -> {
                byte[] confirm = send(init.onMessage(second, NOW));
                yield new Staged(init::onMessage, ((Step.Established) resp.onMessage(confirm, NOW)).message().orElseThrow());
            }
            default -> throw new IllegalArgumentException();
        };
    }

    private static byte[] send(Step s) {
        assertThat(s).isInstanceOf(Step.Send.class);
        return ((Step.Send) s).message();
    }

    private static Step feed(Point p, long seed, java.util.function.UnaryOperator<byte[]> mutation) {
        Staged st = stage(p, seed);
        byte[] input = mutation.apply(st.valid());
        Step result = st.receiver().onMessage(input, NOW);
        assertThat(result).isNotNull();
        if (result instanceof Step.Rejected r && r.origin() == Step.Origin.LOCAL) {
            assertThat(r.reason()).as(r.detail()).isIn(LOCAL_REASONS);
        }
        return result;
    }

    static List<byte[]> rawCorpus(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>();
        for (String s : List.of("", "null", "[]", "{}", "\"x\"", "1e999999", "{\"type\":\"SEMP_HANDSHAKE\"}", "[".repeat(100_000),
                "{\"a\":".repeat(5_000), text + "x", "{\"type\":\"SEMP_HANDSHAKE\"," + text.substring(1), text.replace("\"", "'"))) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        for (int cut : new int[] {1, valid.length / 4, valid.length / 2, valid.length - 1}) {
            out.add(Arrays.copyOf(valid, cut));
        }
        byte[] badUtf8 = valid.clone();
        badUtf8[valid.length / 2] = (byte) 0xff;
        out.add(badUtf8);
        out.add(new byte[Wire.MAX_BYTES + 1]);
        return out;
    }

    static List<JsonValue> replacements() {
        return List.of(JsonNull.INSTANCE, new JsonNumber("-1"), new JsonNumber("123456789012345678901234567890.5e400"),
                JsonString.of("x"), JsonObject.EMPTY, JsonArray.of(JsonString.of("x")), JsonBool.TRUE);
    }

    /** Every tree mutation: each member (to depth two) removed or replaced by each odd value. */
    static List<byte[]> treeCorpus(byte[] valid) throws Exception {
        JsonObject root = JsonParser.parseObject(valid);
        List<byte[]> out = new ArrayList<>();
        for (String k : root.keys()) {
            out.add(CanonicalJson.encode(root.without(k)));
            for (JsonValue v : replacements()) {
                if (!v.equals(root.getOrNull(k))) {
                    out.add(CanonicalJson.encode(root.with(k, v)));
                }
            }
            if (root.getOrNull(k) instanceof JsonObject inner) {
                for (String ik : inner.keys()) {
                    out.add(CanonicalJson.encode(root.with(k, inner.without(ik))));
                    for (JsonValue v : replacements()) {
                        if (!v.equals(inner.getOrNull(ik))) {
                            out.add(CanonicalJson.encode(root.with(k, inner.with(ik, v))));
                        }
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void rawCorpus_everyParser_rejectsWithHandshakeInvalid(Point p) {
        List<byte[]> corpus = rawCorpus(stage(p, 7).valid());
        for (byte[] input : corpus) {
            Step s = feed(p, 7, v -> input);
            assertThat(s).isInstanceOf(Step.Rejected.class);
            assertThat(((Step.Rejected) s).reason()).isEqualTo(SempReason.HANDSHAKE_INVALID);
        }
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void treeCorpus_everyParser_endsInATypedStepAndSignedMessagesNeverPass(Point p) throws Exception {
        List<byte[]> corpus = treeCorpus(stage(p, 11).valid());
        assertThat(corpus).hasSizeGreaterThan(40);
        for (byte[] input : corpus) {
            Step s = feed(p, 11, v -> input);
            if (p.signed) {
                assertThat(s).as(new String(input, StandardCharsets.UTF_8)).isInstanceOf(Step.Rejected.class);
            }
        }
    }

    @Test
    void seededMutationFuzz_allParsers_neverThrowNorHang() {
        Random rnd = new Random(20260501L);
        Point[] points = Point.values();
        long end = System.nanoTime() + 2_000_000_000L;
        int runs = 0;
        while (System.nanoTime() < end || runs < 200) {
            Point p = points[rnd.nextInt(points.length)];
            long seed = rnd.nextLong();
            int flips = 1 + rnd.nextInt(4);
            long mutationSeed = rnd.nextLong();
            feed(p, seed, v -> mutate(v, new Random(mutationSeed), flips));
            runs++;
        }
        assertThat(runs).isGreaterThanOrEqualTo(200);
    }

    static byte[] mutate(byte[] in, Random r, int edits) {
        byte[] b = in.clone();
        for (int i = 0; i < edits; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) "{}[]\":,0a\\ ".charAt(r.nextInt(11));
                case 2 -> b = Arrays.copyOf(b, Math.max(1, at));
                default -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) r.nextInt(256);
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }
}
