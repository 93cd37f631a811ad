package sempgw.smtp.ingress.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The filter's output does not depend on how the content is split, and for generated messages
 * it is exactly the message without the forged fields: the filter against a line-based model.
 */
final class HeaderFieldFilterPropertyTest {
    private static final Set<String> NAMES = Set.of("SEMP-Verification", "X-Forged");

    /** One line of a generated message, and whether the filter must remove it. */
    record Line(String text, boolean removed) {
    }

    /** A generated message: its lines, and how many fields the filter must remove. */
    record Message(List<Line> lines, int forged) {
        byte[] input() {
            return join(false);
        }

        byte[] expected() {
            return join(true);
        }

        private byte[] join(boolean filtered) {
            StringBuilder b = new StringBuilder();
            lines.stream().filter(l -> !filtered || !l.removed()).forEach(l -> b.append(l.text()));
            return b.toString().getBytes(UTF_8);
        }
    }

    @Property(tries = 500)
    void generatedMessage_anySplit_isTheMessageWithoutTheForgedFields(@ForAll("messages") Message message,
            @ForAll("splits") List<Integer> split) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HeaderFieldFilter filter = new HeaderFieldFilter(out, NAMES);

        feed(filter, message.input(), split);
        filter.close();

        assertThat(out.toByteArray()).isEqualTo(message.expected());
        assertThat(filter.removed()).isEqualTo(message.forged());
    }

    @Property(tries = 500)
    void anyOctets_anySplit_sameAsWholeAndAsOctetByOctet(@ForAll("octets") byte[] input, @ForAll("splits") List<Integer> split)
            throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        HeaderFieldFilter reference = new HeaderFieldFilter(whole, NAMES);
        reference.write(input);
        reference.close();
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        HeaderFieldFilter filter = new HeaderFieldFilter(chunked, NAMES);
        feed(filter, input, split);
        filter.close();
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        HeaderFieldFilter bytewise = new HeaderFieldFilter(single, NAMES);
        feed(bytewise, input, List.of(1));
        bytewise.close();

        assertThat(chunked.toByteArray()).isEqualTo(whole.toByteArray());
        assertThat(single.toByteArray()).isEqualTo(whole.toByteArray());
        assertThat(filter.removed()).isEqualTo(reference.removed()).isEqualTo(bytewise.removed());
        assertThat(whole.size()).isLessThanOrEqualTo(input.length);
    }

    /** Writes {@code input} in runs of the given sizes, cycling through them. */
    private static void feed(HeaderFieldFilter filter, byte[] input, List<Integer> split) throws IOException {
        int at = 0;
        for (int k = 0; at < input.length; k++) {
            int n = Math.min(split.get(k % split.size()), input.length - at);
            filter.write(input, at, n);
            at += n;
        }
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<byte[]> octets() {
        Arbitrary<String> pieces = Arbitraries.of("SEMP-Verification", "semp-verification", "X-Forged", ":", " ", "\t", "\r", "\n",
                "\r\n", "a", "A: b", "-", "\u00e9", "SEMP-Verificatio", "X-Forged-Not");
        return pieces.list().ofMaxSize(60).map(p -> String.join("", p).getBytes(UTF_8));
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<List<List<Line>>> header = Arbitraries.oneOf(keptField(), forgedField(), notAField()).list().ofMaxSize(8);
        Arbitrary<List<Line>> body = Combinators.combine(eol(), bodyLines()).as((end, lines) -> {
            List<Line> all = new ArrayList<>();
            all.add(new Line(end, false));
            all.addAll(lines);
            return all;
        });
        Arbitrary<List<Line>> maybeBody = Arbitraries.oneOf(Arbitraries.just(List.of()), body);
        return Combinators.combine(header, maybeBody).as((fields, tail) -> {
            List<Line> lines = new ArrayList<>();
            fields.forEach(lines::addAll);
            lines.addAll(tail);
            int forged = (int) fields.stream().filter(f -> f.getFirst().removed()).count();
            return new Message(lines, forged);
        });
    }

    private static Arbitrary<String> eol() {
        return Arbitraries.of("\r\n", "\n");
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withChars("ab :;=\t\u00e9\r").ofMaxLength(12);
    }

    private static Arbitrary<String> upperOrLower(String name) {
        return Arbitraries.of(true, false).list().ofSize(name.length()).map(flips -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                b.append(flips.get(i) ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return b.toString();
        });
    }

    private static Arbitrary<List<Line>> field(Arbitrary<String> name, Arbitrary<String> beforeColon, boolean removed) {
        Arbitrary<String> continuation = Combinators.combine(Arbitraries.of(" ", "\t", "  "), text(), eol()).as((w, t, e) -> w + t + e);
        return Combinators.combine(name, beforeColon, text(), eol(), continuation.list().ofMaxSize(3)).as((n, w, t, e, more) -> {
            List<Line> lines = new ArrayList<>();
            lines.add(new Line(n + w + ":" + t + e, removed));
            more.forEach(c -> lines.add(new Line(c, removed)));
            return lines;
        });
    }

    private static Arbitrary<List<Line>> forgedField() {
        Arbitrary<String> name = Arbitraries.oneOf(upperOrLower("SEMP-Verification"), upperOrLower("X-Forged"));
        return field(name, Arbitraries.of("", " ", "\t ", "  \t"), true);
    }

    private static Arbitrary<List<Line>> keptField() {
        Arbitrary<String> name = Arbitraries.of("Subject", "Received", "SEMP-Verification-Extra", "X-SEMP-Verification", "SEMP-Verificatio",
                "X-Forge", "X-Forged-By", "Authentication-Results");
        return field(name, Arbitraries.of("", " "), false);
    }

    private static Arbitrary<List<Line>> notAField() {
        Arbitrary<String> start = Arbitraries.of("SEMP-Verification is not a field", "x-forged\tnor this", "no colon", "\u00dcber: 8-bit name",
                ":empty name", "SEMP-Verification");
        return Combinators.combine(start, eol()).as((s, e) -> List.of(new Line(s + e, false)));
    }

    private static Arbitrary<List<Line>> bodyLines() {
        Arbitrary<String> line = Arbitraries.of("SEMP-Verification: in the body", " folded", "X-Forged: x", "", "plain \u00e9");
        return Combinators.combine(line, eol()).as((l, e) -> new Line(l + e, false)).list().ofMaxSize(5);
    }
}
