package sempgw.smtp.ingress.data;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HeaderFieldFilterTest {
    private static final Set<String> DEFAULT = Set.of("SEMP-Verification");

    /** The filter's output and removal count, fed whole and fed one octet at a time (they must agree). */
    record Filtered(String text, int removed) {
    }

    static Filtered filter(Set<String> names, byte[] input) throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        HeaderFieldFilter f = new HeaderFieldFilter(whole, names);
        f.write(input);
        f.close();
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        HeaderFieldFilter g = new HeaderFieldFilter(single, names);
        for (byte b : input) {
            g.write(b);
        }
        g.close();
        assertThat(single.toByteArray()).isEqualTo(whole.toByteArray());
        assertThat(g.removed()).isEqualTo(f.removed());
        return new Filtered(whole.toString(ISO_8859_1), f.removed());
    }

    static Filtered filter(String input) throws IOException {
        return filter(DEFAULT, input.getBytes(ISO_8859_1));
    }

    @Test
    void write_foldedForgedField_removesItWithItsContinuationLines() throws IOException {
        Filtered out = filter("Received: from a\r\n\tby b\r\nSEMP-Verification: seal=pass;\r\n\tsender=ok\r\n  domain=x\r\n"
                + "Subject: hi\r\n continued\r\n\r\nbody\r\n");

        assertThat(out.text()).isEqualTo("Received: from a\r\n\tby b\r\nSubject: hi\r\n continued\r\n\r\nbody\r\n");
        assertThat(out.removed()).isEqualTo(1);
    }

    @Test
    void write_everyOccurrenceAnyCase_removesEach() throws IOException {
        Filtered out = filter("semp-verification: a\r\nFrom: x\r\nSEMP-VERIFICATION: b\r\nSeMp-VeRiFiCaTiOn:c\r\n\r\n");

        assertThat(out.text()).isEqualTo("From: x\r\n\r\n");
        assertThat(out.removed()).isEqualTo(3);
    }

    @Test
    void write_whiteSpaceBeforeTheColon_isStillTheField() throws IOException {
        Filtered out = filter("SEMP-Verification \t : forged\r\nTo: y\r\n\r\n");

        assertThat(out.text()).isEqualTo("To: y\r\n\r\n");
        assertThat(out.removed()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEMP-Verification-Extra: x", "X-SEMP-Verification: x", "SEMP-Verificatio: x", "SEMP-Verificationx: x",
        "SEMP-Verification x: y", "SEMP-Verification", "SEMP-Verification  tail", ":SEMP-Verification: x"})
    void write_lineThatIsNotTheField_isKeptByteForByte(String line) throws IOException {
        String message = "A: 1\r\n" + line + "\r\n\tcontinued\r\nB: 2\r\n\r\nbody\r\n";

        Filtered out = filter(message);

        assertThat(out.text()).isEqualTo(message);
        assertThat(out.removed()).isZero();
    }

    @Test
    void write_bodyLinesThatLookLikeFields_areUntouched() throws IOException {
        String body = "SEMP-Verification: in the body\r\n\tfolded\r\nSEMP-Verification: again\n\r\n";
        Filtered out = filter("Subject: s\r\nSEMP-Verification: forged\r\n\r\n" + body);

        assertThat(out.text()).isEqualTo("Subject: s\r\n\r\n" + body);
        assertThat(out.removed()).isEqualTo(1);
    }

    @Test
    void write_noHeaderSection_leavesEverything() throws IOException {
        String message = "\r\nSEMP-Verification: x\r\n y\r\n";

        assertThat(filter(message).text()).isEqualTo(message);
        assertThat(filter("\nSEMP-Verification: x\n").text()).isEqualTo("\nSEMP-Verification: x\n");
    }

    @Test
    void write_bareLineFeeds_endLinesAndTheHeaderSection() throws IOException {
        Filtered out = filter("A: 1\nSEMP-Verification: x\n y\nB: 2\r\nSEMP-Verification: z\r\n\nSEMP-Verification: body\n");

        assertThat(out.text()).isEqualTo("A: 1\nB: 2\r\n\nSEMP-Verification: body\n");
        assertThat(out.removed()).isEqualTo(2);
    }

    @Test
    void write_lineStartingWithBareCr_isNotTheEmptyLine() throws IOException {
        Filtered out = filter("A: 1\r\n\rX\r\nSEMP-Verification: x\r\n\r\n");

        assertThat(out.text()).isEqualTo("A: 1\r\n\rX\r\n\r\n");
        assertThat(out.removed()).isEqualTo(1);
    }

    @Test
    void write_fieldBelowAMalformedLine_isStillRemoved() throws IOException {
        Filtered out = filter("A: 1\r\nthis is not a field\r\nSEMP-Verification: x\r\n\r\nbody\r\n");

        assertThat(out.text()).isEqualTo("A: 1\r\nthis is not a field\r\n\r\nbody\r\n");
        assertThat(out.removed()).isEqualTo(1);
    }

    @Test
    void write_contentWithoutEmptyLine_isAllHeader() throws IOException {
        assertThat(filter("A: 1\r\nSEMP-Verification: x\r\n").text()).isEqualTo("A: 1\r\n");
        assertThat(filter("A: 1\r\nSEMP-Verification: x").text()).isEqualTo("A: 1\r\n");
    }

    @Test
    void close_insideALineStart_writesTheHeldOctets() throws IOException {
        assertThat(filter("A: 1\r\nSEMP-Verif").text()).isEqualTo("A: 1\r\nSEMP-Verif");
        assertThat(filter("A: 1\r\nSEMP-Verification \t").text()).isEqualTo("A: 1\r\nSEMP-Verification \t");
    }

    @Test
    void write_eightBitHeader_isKeptExactlyAndTheForgedFieldRemoved() throws IOException {
        byte[] message = ("Subject: \u00e9t\u00e9\r\n\u00dcnicode: x\r\nSEMP-Verification: caf\u00e9\r\n \u00fc\r\nTo: \u00e0\r\n\r\n"
                + "\u00e9\r\n").getBytes(UTF_8);

        Filtered out = filter(DEFAULT, message);

        assertThat(out.text().getBytes(ISO_8859_1)).isEqualTo(
                ("Subject: \u00e9t\u00e9\r\n\u00dcnicode: x\r\nTo: \u00e0\r\n\r\n\u00e9\r\n").getBytes(UTF_8));
        assertThat(out.removed()).isEqualTo(1);
    }

    @Test
    void write_linesLongerThanAnyBuffer_areKeptOrRemovedWhole() throws IOException {
        String longKept = "X-Long: " + "a".repeat(5000) + "\r\n\t" + "c".repeat(3000) + "\r\n";
        String longForged = "SEMP-Verification: " + "b".repeat(4000) + "\r\n\t" + "d".repeat(2500) + "\r\n";

        Filtered out = filter(longKept + longForged + "\r\nbody\r\n");

        assertThat(out.text()).isEqualTo(longKept + "\r\nbody\r\n");
        assertThat(out.removed()).isEqualTo(1);
    }

    @Test
    void write_moreWhiteSpaceAfterTheNameThanItHolds_takesTheLineForTheField() throws IOException {
        assertThat(filter("SEMP-Verification" + " ".repeat(1100) + "x\r\nA: 1\r\n\r\n").text()).isEqualTo("A: 1\r\n\r\n");
        String fewer = "SEMP-Verification" + " ".repeat(900) + "x\r\nA: 1\r\n\r\n";
        assertThat(filter(fewer).text()).isEqualTo(fewer);
    }

    @Test
    void write_configuredSet_removesEachNameAndOnlyThose() throws IOException {
        byte[] message = "Authentication-Results: forged\r\n x\r\nSEMP-Verification: forged\r\nARC-Seal: i=1\r\n\r\n".getBytes(ISO_8859_1);

        Filtered out = filter(Set.of("Authentication-Results", "SEMP-Verification"), message);

        assertThat(out.text()).isEqualTo("ARC-Seal: i=1\r\n\r\n");
        assertThat(out.removed()).isEqualTo(2);
    }

    @Test
    void write_emptySet_passesEverything() throws IOException {
        byte[] message = "SEMP-Verification: kept\r\n\r\n".getBytes(ISO_8859_1);

        assertThat(filter(Set.of(), message).text().getBytes(ISO_8859_1)).isEqualTo(message);
    }

    @Test
    void close_closesTheTargetAndRefusesFurtherWrites() throws IOException {
        boolean[] closed = {false};
        OutputStream target = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        HeaderFieldFilter f = new HeaderFieldFilter(target, DEFAULT);
        f.close();

        assertThat(closed[0]).isTrue();
        assertThatThrownBy(() -> f.write(1)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad:Name", "Bad Name", "Caf\u00e9", "X\u0100"})
    void constructor_notAFieldName_isRejected(String name) {
        assertThat(HeaderFieldFilter.isFieldName(name)).isFalse();
        assertThatThrownBy(() -> new HeaderFieldFilter(OutputStream.nullOutputStream(), Set.of(name)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isFieldName_lengthLimit_isMaxName() {
        assertThat(HeaderFieldFilter.isFieldName("X".repeat(HeaderFieldFilter.MAX_NAME))).isTrue();
        assertThat(HeaderFieldFilter.isFieldName("X".repeat(HeaderFieldFilter.MAX_NAME + 1))).isFalse();
    }
}
