package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.agent.mime.MimeLimits;

/**
 * Inputs the converter refuses, each with its reason code and never with an unchecked exception,
 * and oddities it tolerates as mail readers and Postfix do, carrying them byte for byte.
 */
final class MalformedInputTest {
    private static final String HEAD = "From: alice@corp.example\r\nTo: bob@peer.example\r\n";

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("NUL in header", HEAD + "Subject: a\0b\r\n\r\nx\r\n", ConversionError.MALFORMED_HEADER),
                Arguments.of("too deep", HEAD + nested(25), ConversionError.TOO_DEEP),
                Arguments.of("too many parts", HEAD + "Content-Type: multipart/mixed; boundary=p\r\n\r\n"
                        + "--p\r\n\r\nx\r\n".repeat(1000) + "--p--\r\n", ConversionError.TOO_MANY_PARTS),
                Arguments.of("huge field", HEAD + "X-Big: " + "a".repeat(200_000) + "\r\n\r\nx\r\n", ConversionError.HEADER_TOO_LARGE),
                Arguments.of("huge folded field", HEAD + "X-Big: a" + "\r\n b".repeat(40_000) + "\r\n\r\nx\r\n", ConversionError.HEADER_TOO_LARGE),
                Arguments.of("huge header section", HEAD + "X-Many: 0123456789012345678901234567890123456789\r\n".repeat(6000) + "\r\nx\r\n",
                        ConversionError.HEADER_TOO_LARGE),
                Arguments.of("huge part header", HEAD + "Content-Type: multipart/mixed; boundary=p\r\n\r\n--p\r\n"
                        + "X-Part: 0123456789012345678901234567890123456789\r\n".repeat(6000) + "\r\nx\r\n--p--\r\n", ConversionError.HEADER_TOO_LARGE));
    }

    /** {@code depth} multiparts inside each other around one text leaf. */
    static String nested(int depth) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            s.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i).append("\r\n");
        }
        s.append("Content-Type: text/plain\r\n\r\nleaf\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            s.append("--b").append(i).append("--\r\n");
        }
        return s.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void convert_malformed_refusedWithReason(String name, String mime, ConversionError expected) {
        assertThatThrownBy(() -> Fixtures.convert(mime.getBytes(StandardCharsets.UTF_8), Fixtures.context("bob@peer.example")))
                .isInstanceOfSatisfying(ConversionException.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    assertThat(e.error().temporary()).isFalse();
                    assertThat(e.reason()).startsWith(expected.code() + ": ").doesNotContain("alice", "bob");
                });
    }

    @Test
    void convert_overSizeLimit_tooLarge() {
        ConversionLimits small = new ConversionLimits(100, MimeLimits.defaults());
        byte[] mime = (HEAD + "\r\n" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> MimeToSemp.convert(new ByteArrayInputStream(mime), Fixtures.context("bob@peer.example"), small))
                .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.TOO_LARGE));
    }

    @Test
    void convert_readFails_temporaryReadFailure() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> MimeToSemp.convert(broken, Fixtures.context("bob@peer.example")))
                .isInstanceOfSatisfying(ConversionException.class, e -> {
                    assertThat(e.error()).isEqualTo(ConversionError.READ_FAILED);
                    assertThat(e.error().temporary()).isTrue();
                });
    }

    @Test
    void convert_toleratedOddities_convertAndRoundTrip() throws Exception {
        String head = HEAD + "Date: Sun, 8 Jun 2025 12:00:00 +0000\r\nMessage-ID: <odd@corp.example>\r\n";
        String[] tolerated = {
            head + "Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\n\r\nno close delimiter\r\n",
            head + "Content-Type: garbage\r\n\r\ninvalid type is text/plain\r\n",
            head + "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: base64\r\n\r\n!!not base64!!\r\n",
            head + "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nbad =ZZ escape and soft=\r\n",
            head + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 f\r\n",
            head + "Subject: =?x-unknown?Q?kept?= and =?utf-8?B?broken!?=\r\n\r\nx",
            head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nno final line break",
            head + "this line is not a field and starts the body\r\n\r\nx\r\n",
            head + "Subject: before\r\nno blank line before the body\r\nSubject-Like: text after the first body line\r\n",
            head + "Reply-To: help@[192.0.2.1], noreply@mail_server.example\r\n\r\nReply-To only a mail client can use\r\n"};
        for (String mime : tolerated) {
            byte[] in = mime.getBytes(StandardCharsets.UTF_8);
            byte[] out = RoundTripTest.trip(in);
            assertThat(Fixtures.text(out)).as(mime).endsWith(Fixtures.text(RoundTripTest.delivered(in)));
        }
    }

    /** Messages that have no header field to read: the whole message is body, as Postfix and mail readers take it. */
    static Stream<Arguments> headerless() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("blank line first", "\r\nbody only\r\n"),
                Arguments.of("typed without header", "hello bob, testing\r\n"),
                Arguments.of("line without colon first", "this is not a header\r\n" + HEAD + "\r\nx\r\n"),
                Arguments.of("mbox From_ line", "From alice@corp.example Sun Jun  8 12:00:00 2025\r\n" + HEAD + "\r\nx\r\n"),
                Arguments.of("continuation first", " folded\r\n" + HEAD + "\r\nx\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerless")
    void convert_noHeaderField_wholeMessageIsBody_deliveredBelowFieldsFromTheBrief(String name, String mime) throws Exception {
        byte[] in = mime.getBytes(StandardCharsets.UTF_8);

        OutboundMessage m = Fixtures.convert(in, Fixtures.context("bob@peer.example"));
        String out = Fixtures.text(RoundTripTest.trip(in));

        String body = mime.startsWith("\r\n") ? mime.substring(2) : mime;
        assertThat(m.draft().enclosure().body().getOrDefault("text/plain", "")).isEqualTo(body.replace("\r\n", "\n"));
        assertThat(out).contains("\r\nFrom: alice@corp.example\r\nDate: ", "\r\nMessage-ID: <")
                .endsWith(Fixtures.text(RoundTripTest.delivered(in)));
        assertThat(out.substring(0, out.indexOf("\r\n\r\n"))).doesNotContain("bob@peer.example");
    }

    /** Multiparts whose parts cannot be found: one text leaf, as mail readers show them. */
    static Stream<Arguments> partless() {
        String mixed = HEAD + "Date: Sun, 8 Jun 2025 12:00:00 +0000\r\nMessage-ID: <mp@corp.example>\r\nContent-Type: multipart/mixed";
        return Stream.of(
                Arguments.of("no boundary parameter", mixed + "\r\n\r\n--x\r\n\r\na\r\n--x--\r\n"),
                Arguments.of("empty boundary", mixed + "; boundary=\"\"\r\n\r\n--\r\n\r\na\r\n----\r\n"),
                Arguments.of("boundary not ASCII", mixed + "; boundary=\"gr\u00fc\u00dfe\"\r\n\r\n--gr\u00fc\u00dfe\r\n\r\na\r\n"),
                Arguments.of("no delimiter line", mixed + "; boundary=zz\r\n\r\nno parts here\r\n"),
                Arguments.of("only a close delimiter", mixed + "; boundary=zz\r\n\r\n--zz--\r\n"),
                Arguments.of("nested without boundary", mixed + "; boundary=zz\r\n\r\n--zz\r\nContent-Type: multipart/alternative\r\n\r\n"
                        + "inner text\r\n--zz--\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partless")
    void convert_multipartWithoutParts_readAsText_andCarriedByteForByte(String name, String mime) throws Exception {
        byte[] in = mime.getBytes(StandardCharsets.UTF_8);

        OutboundMessage m = Fixtures.convert(in, Fixtures.context("bob@peer.example"));
        byte[] out = RoundTripTest.trip(in);

        assertThat(m.draft().enclosure().body()).containsKey("text/plain");
        RoundTripTest.assertSameBytes(tail(out, RoundTripTest.delivered(in).length), RoundTripTest.delivered(in), name);
    }

    @Test
    void convert_unknownCharset_readAsMailReadersDo_andCarriedByteForByte() throws Exception {
        String head = HEAD + "Date: Sun, 8 Jun 2025 12:00:00 +0000\r\nMessage-ID: <cs@corp.example>\r\nContent-Transfer-Encoding: 8bit\r\n";
        byte[] latin1 = "caf\u00e9 cr\u00e8me\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "caf\u00e9 cr\u00e8me\r\n".getBytes(StandardCharsets.UTF_8);
        for (String charset : new String[] {"unknown-8bit", "x-klingon", "\"utf 8!\""}) {
            for (byte[] body : new byte[][] {latin1, utf8}) {
                byte[] in = concat((head + "Content-Type: text/plain; charset=" + charset + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
                OutboundMessage m = Fixtures.convert(in, Fixtures.context("bob@peer.example"));
                assertThat(m.draft().enclosure().body().get("text/plain")).as(charset).isEqualTo("caf\u00e9 cr\u00e8me\n");
                RoundTripTest.assertSameBytes(tail(RoundTripTest.trip(in), RoundTripTest.delivered(in).length),
                        RoundTripTest.delivered(in), charset);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] tail(byte[] b, int n) {
        return java.util.Arrays.copyOfRange(b, Math.max(0, b.length - n), b.length);
    }

    @Test
    void convert_headerOnlyMessage_deliveredWithEmptyBody() throws Exception {
        byte[] in = (HEAD + "Date: Sun, 8 Jun 2025 12:00:00 +0000\r\nMessage-ID: <h@corp.example>").getBytes(StandardCharsets.US_ASCII);

        String out = Fixtures.text(RoundTripTest.trip(in));

        assertThat(out).endsWith(HEAD + "Date: Sun, 8 Jun 2025 12:00:00 +0000\r\nMessage-ID: <h@corp.example>\r\n\r\n");
    }
}
