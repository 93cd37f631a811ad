package sempgw.agent.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte-keeping parser: separators, sections, defaults and limits (RFC 2046 §5.1.1). */
final class MimeParserTest {

    private static MimePart parse(String s) throws MimeException {
        return MimeParser.parse(s.getBytes(StandardCharsets.UTF_8), MimeLimits.defaults());
    }

    private static String text(Slice s) {
        return new String(s.bytes(), StandardCharsets.UTF_8);
    }

    /** The multipart body written back from separators and children. */
    private static byte[] reassemble(MimePart p) {
        if (!p.isMultipart()) {
            return p.whole().bytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(p.headers().whole().bytes());
        for (int i = 0; i < p.children().size(); i++) {
            out.writeBytes(p.separators().get(i).bytes());
            out.writeBytes(reassemble(p.children().get(i)));
        }
        out.writeBytes(p.separators().getLast().bytes());
        return out.toByteArray();
    }

    @Test
    void parse_nestedMultipart_separatorsAndChildrenRebuildEveryByte() throws Exception {
        String msg = "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\npreamble\r\n--outer  \r\nContent-Type: multipart/alternative;"
                + " boundary=outer2\r\n\r\n--outer2\r\n\r\nplain\r\n--outer2\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--outer2--\r\n"
                + "\r\n--outer\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n--outer--\r\nepilogue";

        MimePart root = parse(msg);

        assertThat(root.children()).hasSize(2);
        assertThat(root.children().get(0).children()).extracting(MimePart::section).containsExactly("1.1", "1.2");
        assertThat(root.children().get(0).children().get(0).type().mimeType()).isEqualTo("text/plain");
        assertThat(text(root.children().get(0).children().get(0).body())).isEqualTo("plain");
        assertThat(text(root.children().get(1).body())).isEqualTo("\u0089PNG");
        assertThat(text(root.separators().get(0))).isEqualTo("preamble\r\n--outer  \r\n");
        assertThat(text(root.separators().getLast())).isEqualTo("\r\n--outer--\r\nepilogue");
        assertThat(reassemble(root)).isEqualTo(msg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parse_lookalikeBoundaryLines_notDelimiters() throws Exception {
        MimePart root = parse("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n--bb is text\r\n --b is text\r\n--b x\r\n--b--\r\n");

        assertThat(root.children()).hasSize(1);
        assertThat(text(root.children().getFirst().body())).isEqualTo("--bb is text\r\n --b is text\r\n--b x");
    }

    @Test
    void parse_emptyParts_andMissingClose_tolerated() throws Exception {
        String msg = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n--b\r\n\r\nlast part runs to the end\r\n";

        MimePart root = parse(msg);

        assertThat(root.children()).hasSize(2);
        assertThat(root.children().getFirst().whole().length()).isZero();
        assertThat(reassemble(root)).isEqualTo(msg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parse_digestChildren_defaultToMessageRfc822() throws Exception {
        MimePart root = parse("Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: x\r\n\r\ny\r\n--d--\r\n");

        assertThat(root.children().getFirst().type().mimeType()).isEqualTo("message/rfc822");
    }

    @Test
    void parse_partWithoutHeaderLines_bodyKept() throws Exception {
        MimePart root = parse("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nnot: really\r\nplain words\r\n--b--\r\n");

        MimePart p = root.children().getFirst();
        assertThat(p.headers().fields()).extracting(HeaderField::name).containsExactly("not");
        assertThat(text(p.body())).isEqualTo("plain words");
        assertThat(p.headers().terminator().isEmpty()).isTrue();
    }

    @Test
    void parse_multipartWithoutFindableParts_oneTextLeafKeepingItsHeader() throws Exception {
        for (String head : new String[] {"Content-Type: multipart/mixed", "Content-Type: multipart/mixed; boundary=\"\"",
                "Content-Type: multipart/mixed; boundary=zz", "Content-Type: multipart/mixed; boundary=\"a\u00e9\""}) {
            MimePart root = parse(head + "\r\n\r\n--zz--\r\n--a\u00e9\r\ntext\r\n");

            assertThat(root.isMultipart()).as(head).isFalse();
            assertThat(root.type().mimeType()).as(head).isEqualTo("text/plain");
            assertThat(root.headers().value("Content-Type")).as(head).hasValueSatisfying(v -> assertThat(v).startsWith("multipart/mixed"));
            assertThat(text(root.body())).as(head).isEqualTo("--zz--\r\n--a\u00e9\r\ntext\r\n");
        }
    }

    @Test
    void parse_boundaryLongerThanRfc2046Allows_stillSplits() throws Exception {
        String b = "b".repeat(300);

        MimePart root = parse("Content-Type: multipart/mixed; boundary=" + b + "\r\n\r\n--" + b + "\r\n\r\none\r\n--" + b + "\r\n\r\ntwo\r\n--"
                + b + "--\r\n");

        assertThat(root.children()).extracting(c -> text(c.body())).containsExactly("one", "two");
    }

    @Test
    void parse_firstLineNotAField_noHeaderAndEverythingBody() throws Exception {
        for (String msg : new String[] {"From alice@corp.example Sun Jun  8 12:00:00 2025\r\nSubject: x\r\n\r\ny\r\n", " folded\r\n\r\ny",
                "just text\r\n", ""}) {
            MimePart root = parse(msg);

            assertThat(root.headers().fields()).as(msg).isEmpty();
            assertThat(text(root.body())).as(msg).isEqualTo(msg);
        }
        assertThat(text(parse("\r\nbody\r\n").body())).isEqualTo("body\r\n");
    }

    @Test
    void headers_foldedValueUnfolded_rawKeptExactly() throws Exception {
        MimePart root = parse("Subject: a\r\n  folded\tvalue \r\nX-Empty:\r\nX-Spaced :v\r\n\r\nbody");

        assertThat(root.headers().value("subject")).contains("a  folded\tvalue");
        assertThat(text(root.headers().first("Subject").orElseThrow().raw())).isEqualTo("Subject: a\r\n  folded\tvalue \r\n");
        assertThat(root.headers().value("X-Empty")).contains("");
        assertThat(root.headers().value("X-Spaced")).contains("v");
    }

    @Test
    void parse_limits_enforced() {
        MimeLimits tight = new MimeLimits(200, 100, 2, 3);
        byte[] deep = ("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\n\r\nx\r\n--c--\r\n--b--\r\n--a--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] many = "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n\r\n1\r\n--a\r\n\r\n2\r\n--a\r\n\r\n3\r\n--a--\r\n"
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> MimeParser.parse(deep, tight)).isInstanceOfSatisfying(MimeException.class,
                e -> assertThat(e.error()).isEqualTo(MimeError.TOO_DEEP));
        assertThatThrownBy(() -> MimeParser.parse(many, tight)).isInstanceOfSatisfying(MimeException.class,
                e -> assertThat(e.error()).isEqualTo(MimeError.TOO_MANY_PARTS));
        assertThatThrownBy(() -> MimeParser.parse(("X: " + "a".repeat(101) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), tight))
                .isInstanceOfSatisfying(MimeException.class, e -> assertThat(e.error()).isEqualTo(MimeError.HEADER_TOO_LARGE));
    }

    @Test
    void contentType_parametersAndDefaults() {
        ContentType t = ContentType.parse("Text/HTML; Charset=\"UTF-8\"; name*=utf-8''%C3%BCber.html", ContentType.TEXT_PLAIN);

        assertThat(t.mimeType()).isEqualTo("text/html");
        assertThat(t.param("charset")).contains("UTF-8");
        assertThat(t.param("name")).contains("über.html");
        assertThat(ContentType.parse("no slash", ContentType.TEXT_PLAIN)).isSameAs(ContentType.TEXT_PLAIN);
        assertThat(ContentType.parse("te xt/pl@in", ContentType.TEXT_PLAIN)).isSameAs(ContentType.TEXT_PLAIN);
    }

    @Test
    void contentType_comments_ignoredWhereTheyStandAlone() {
        ContentType t = ContentType.parse("(lead) multipart/mixed (generated); boundary=\"a (b)\" (the (nested) boundary); "
                + "charset=koi8-r (Cyrillic); name=Scan(1).pdf; x=(only)", ContentType.TEXT_PLAIN);

        assertThat(t.mimeType()).isEqualTo("multipart/mixed");
        assertThat(t.params()).containsEntry("boundary", "a (b)").containsEntry("charset", "koi8-r")
                .containsEntry("name", "Scan(1).pdf").containsEntry("x", "");
        assertThat(TransferEncoding.parse(" Base64 (encoded by the MUA) ")).isEqualTo(TransferEncoding.BASE64);
    }
}
