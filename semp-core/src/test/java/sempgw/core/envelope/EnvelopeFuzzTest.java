package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.enclosure.EnclosureCodec;
import sempgw.core.envelope.seal.EnvelopeVerifier;
import sempgw.core.envelope.seal.Verdict;

/**
 * A seeded mutation fuzz loop over the envelope decoder and receive pipeline, and over the brief
 * and enclosure decoders: bit flips, byte substitutions with JSON-significant bytes, deletions,
 * duplications and truncations of valid inputs. Nothing may throw but the typed exceptions, and
 * the whole loop must finish in bounded time (a few seconds in CI).
 */
final class EnvelopeFuzzTest {
    private static final byte[] SIGNIFICANT = "{}[]\",:\\0123456789-+.eEtrufalsn \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ITERATIONS = 6_000;

    @Test
    void fuzz_mutatedEnvelopes_neverEscapeTheTypedErrors() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
        byte[] seed = EnvelopeCodec.encode(w.seal(w.compose(TestWorld.draft("fuzz", "seed body", "bob@b.example")).getFirst().envelope()));
        EnvelopeVerifier verifier = w.verifier();
        int[] outcomes = new int[3];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random r = new Random(0x5E3D_F022L);
            for (int i = 0; i < ITERATIONS; i++) {
                Verdict v = verifier.receive(mutate(seed, r), TestWorld.NOW);
                outcomes[switch (v) {
                    case Verdict.Accepted a -> 0;
                    case Verdict.Rejected x -> 1;
                    case Verdict.Malformed m -> 2;
                }]++;
            }
        });
        assertThat(outcomes[1]).as("rejections").isPositive();
        assertThat(outcomes[2]).as("malformed").isPositive();
    }

    @Test
    void fuzz_mutatedPayloadPlaintexts_neverEscapeTheTypedErrors() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
        var opened = w.opener("bob@b.example").open(w.seal(w.compose(TestWorld.draft("fuzz", "seed body", "bob@b.example")).getFirst().envelope()));
        List<byte[]> seeds = List.of(BriefCodec.encode(opened.brief()), EnclosureCodec.encode(opened.enclosure()));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random r = new Random(0xB41EFL);
            for (int i = 0; i < ITERATIONS; i++) {
                byte[] input = mutate(seeds.get(i & 1), r);
                try {
                    BriefCodec.decode(input);
                } catch (EnvelopeFormatException expected) {
                    assertThat(expected.error()).isNotNull();
                }
                try {
                    EnclosureCodec.fromJson(EnclosureCodec.parse(input));
                } catch (EnvelopeFormatException expected) {
                    assertThat(expected.error()).isNotNull();
                }
            }
        });
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed;
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            int at = r.nextInt(b.length);
            b = switch (r.nextInt(6)) {
                case 0 -> flip(b, at, r);
                case 1 -> substitute(b, at, SIGNIFICANT[r.nextInt(SIGNIFICANT.length)]);
                case 2 -> delete(b, at, 1 + r.nextInt(Math.min(64, b.length - at)));
                case 3 -> duplicate(b, at, 1 + r.nextInt(Math.min(256, b.length - at)));
                case 4 -> Arrays.copyOf(b, at);
                default -> substitute(b, at, (byte) r.nextInt(256));
            };
            if (b.length == 0) {
                return b;
            }
        }
        return b;
    }

    private static byte[] flip(byte[] b, int at, Random r) {
        byte[] c = b.clone();
        c[at] ^= (byte) (1 << r.nextInt(8));
        return c;
    }

    private static byte[] substitute(byte[] b, int at, byte value) {
        byte[] c = b.clone();
        c[at] = value;
        return c;
    }

    private static byte[] delete(byte[] b, int at, int n) {
        byte[] c = new byte[b.length - n];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(b, at + n, c, at, b.length - at - n);
        return c;
    }

    private static byte[] duplicate(byte[] b, int at, int n) {
        byte[] c = new byte[b.length + n];
        System.arraycopy(b, 0, c, 0, at + n);
        System.arraycopy(b, at, c, at + n, b.length - at);
        return c;
    }
}
