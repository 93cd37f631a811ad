package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import sempgw.agent.fidelity.MimeFidelity;

/**
 * Whatever the bytes, conversion either refuses with a {@link ConversionException} or produces
 * an extension that rebuilds the message exactly; rendering never throws and always starts with
 * one verification header.
 */
final class ConversionPropertiesTest {
    private static final List<Corpus.Sample> SAMPLES = Corpus.all().stream().filter(s -> s.mime().length < 40_000).toList();
    private static final byte[] NOISE = {'\r', '\n', '-', '=', ':', ' ', '\t', '"', ';', '<', '>', 0, (byte) 0xc3, (byte) 0xff, 'b', '@'};

    @Provide
    Arbitrary<byte[]> mutants() {
        return Arbitraries.integers().between(0, SAMPLES.size() - 1)
                .flatMap(i -> Arbitraries.longs().map(seed -> mutate(SAMPLES.get(i).mime(), new Random(seed))));
    }

    @Property(tries = 250)
    void mutatedMessage_convertsExactlyOrRefuses(@ForAll("mutants") byte[] mime) throws Exception {
        OutboundMessage m;
        try {
            m = Fixtures.convert(mime, Fixtures.context(Corpus.RCPT));
        } catch (ConversionException e) {
            assertThat(e.error()).isNotNull();
            return;
        }
        Fixtures.Opened o = Fixtures.wire(m);
        Optional<byte[]> rebuilt = MimeFidelity.rebuild(o.enclosure());
        assertThat(rebuilt).isPresent();
        RoundTripTest.assertSameBytes(rebuilt.get(), RoundTripTest.carried(mime), "rebuilt message");
        String out = Fixtures.text(Fixtures.render(o, Corpus.RCPT));
        String header = out.substring(0, out.indexOf("\r\n\r\n") + 2);
        assertThat(header).startsWith("SEMP-Verification: ");
        assertThat(header.toLowerCase(java.util.Locale.ROOT).indexOf("\nsemp-verification:")).isEqualTo(-1);
    }

    @Property(tries = 100)
    void randomBytes_neverUnchecked(@ForAll byte[] junk) {
        try {
            Fixtures.convert(junk, Fixtures.context(Corpus.RCPT));
        } catch (ConversionException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    static byte[] mutate(byte[] in, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        int edits = 1 + r.nextInt(4);
        int[] at = new int[edits];
        for (int i = 0; i < edits; i++) {
            at[i] = r.nextInt(in.length);
        }
        java.util.Arrays.sort(at);
        int e = 0;
        for (int i = 0; i < in.length; i++) {
            if (e < edits && at[e] == i) {
                switch (r.nextInt(4)) {
                    case 0 -> out.write(NOISE[r.nextInt(NOISE.length)]);
                    case 1 -> {
                        out.write(NOISE[r.nextInt(NOISE.length)]);
                        out.write(in[i]);
                    }
                    case 2 -> i += r.nextInt(20);
                    default -> {
                        out.write(in[i]);
                        out.write(in, i, Math.min(30, in.length - i));
                    }
                }
                e++;
                while (e < edits && at[e] <= i) {
                    e++;
                }
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }
}
