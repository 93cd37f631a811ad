package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;

/**
 * Real-world-shaped hard messages, as MTAs, mail clients and broken generators write them, each
 * with what a native SEMP client must read from it ({@link Converts}) or the refusal it earns
 * ({@link Refused}). Complements {@link Corpus} (well-formed mail) and {@link MalformedInputTest}
 * (the limits): line endings, long lines, controls, raw 8-bit and split encoded words, RFC 2231
 * parameters, boundary oddities, signed mail with trailing whitespace, reports, TNEF, odd transfer
 * encodings, dirty base64 and quoted-printable, legacy charsets, duplicated fields, deep nesting,
 * empty parts and the layouts of Outlook and Apple Mail.
 */
final class HardCorpus {
    /** What a native SEMP client reads from a converted message. */
    @FunctionalInterface
    interface NativeCheck {
        void check(Enclosure e) throws Exception;
    }

    /** A message that converts, and the native view it must give. */
    record Converts(String name, byte[] mime, NativeCheck nativeView) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A message that is refused with {@code error}. */
    record Refused(String name, byte[] mime, ConversionError error) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HardCorpus() {
    }

    /** {@code From}, {@code To}, {@code Date}, {@code Message-ID} and {@code MIME-Version}, CRLF. */
    static String head(String id) {
        return "From: Alice Example <alice@corp.example>\r\nTo: Bob <bob@peer.example>\r\nDate: Mon, 9 Jun 2025 08:30:00 +0200\r\n"
                + "Message-ID: <" + id + "@corp.example>\r\nMIME-Version: 1.0\r\n";
    }

    /** {@code text} with every LF made CRLF, so messages can be written as text blocks. */
    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] in(String charset, String s) {
        return s.getBytes(Charset.forName(charset));
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static List<Converts> converting() {
        List<Converts> c = new ArrayList<>();
        lineEndingsAndLongLines(c);
        headerText(c);
        structure(c);
        signedAndReports(c);
        transferEncodings(c);
        charsets(c);
        fieldsAndLimits(c);
        clientLayouts(c);
        inlineTextAfterBody(c);
        return c;
    }

    static List<Refused> refused() {
        List<Refused> r = new ArrayList<>();
        r.add(new Refused("nul-in-part-header", utf8(head("r1") + crlf("""
                Subject: NUL in a part header
                Content-Type: multipart/mixed; boundary="n"

                --n
                Content-Type: text/plain
                X-Bad: a\0b

                text
                --n--
                """)), ConversionError.MALFORMED_HEADER));
        r.add(new Refused("nesting-21-deep", utf8(head("r2") + "Subject: deep\r\n" + MalformedInputTest.nested(21)), ConversionError.TOO_DEEP));
        StringBuilder many = new StringBuilder(head("r3") + "Subject: many\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n");
        for (int i = 0; i < 400; i++) {
            many.append("--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n--i\r\n\r\na\r\n--i\r\n\r\nb\r\n--i--\r\n");
        }
        r.add(new Refused("nested-parts-over-1000", utf8(many + "--o--\r\n"), ConversionError.TOO_MANY_PARTS));
        r.add(new Refused("part-field-over-100k", utf8(head("r4") + "Subject: big part field\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n"
                + "--p\r\nContent-Type: application/octet-stream;\r\n name=\"" + "n".repeat(110_000) + "\"\r\n\r\nx\r\n--p--\r\n"),
                ConversionError.HEADER_TOO_LARGE));
        return r;
    }

    private static void lineEndingsAndLongLines(List<Converts> c) {
        c.add(new Converts("bare-lf-multipart", utf8("""
                From: alice@corp.example
                To: bob@peer.example
                Subject: bare LF
                Date: Mon, 9 Jun 2025 08:30:00 +0200
                Message-ID: <lf@corp.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="lf"

                --lf
                Content-Type: text/plain; charset=utf-8

                line one
                line two
                --lf
                Content-Type: application/octet-stream; name="d.bin"
                Content-Transfer-Encoding: base64

                AAECAwQFBgcICQ==
                --lf--
                """), e -> {
            assertThat(e.body()).containsExactly(java.util.Map.entry("text/plain", "line one\nline two"));
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::size).containsExactly(tuple("d.bin", 10L));
        }));
        c.add(new Converts("mixed-crlf-lf-bare-cr", utf8("From: alice@corp.example\nTo: bob@peer.example\r\nSubject: mixed\r\n"
                + "Date: Mon, 9 Jun 2025 08:30:00 +0200\nMessage-ID: <mixed@corp.example>\r\n\r\nfirst\nsecond\rthird\r\nfourth\n\n"),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("first\nsecond\nthird\nfourth\n\n")));
        String longLine = "x".repeat(3000) + "ü";
        c.add(new Converts("lines-over-998-octets", utf8(head("long") + "Subject: long lines\r\nContent-Type: multipart/alternative; boundary=a\r\n\r\n"
                + "--a\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + longLine + "\r\nend\r\n"
                + "--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" + "y".repeat(2000) + "</p>\r\n--a--\r\n"), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo(longLine + "\nend");
            assertThat(e.body().get("text/html")).hasSize(2007);
        }));
        byte[] pdf = Corpus.random(15_000, 41);
        c.add(new Converts("single-line-base64", utf8(head("oneline") + "Subject: one line of base64\r\nContent-Type: multipart/mixed; boundary=s\r\n\r\n"
                + "--s\r\nContent-Type: text/plain\r\n\r\nattached\r\n--s\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64(pdf) + "\r\n--s--\r\n"), e -> {
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::size).containsExactly(tuple("scan.pdf", 15_000L));
            assertThat(Base64.getDecoder().decode(e.attachments().getFirst().content())).isEqualTo(pdf);
        }));
        c.add(new Converts("controls-in-quoted-printable", utf8(head("ctl") + "Subject: controls\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nnul=00 esc=1B[31mred=1B[0m vt=0B ff=0C bell=07 del=7F\r\n"),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("nul\0 esc\u001b[31mred\u001b[0m vt\u000b ff\f bell\u0007 del\u007f\n")));
        c.add(new Converts("uuencode-in-text-plain", utf8(head("uu") + crlf("""
                Subject: uuencoded file
                Content-Type: text/plain; charset=us-ascii

                see the file below

                begin 644 hello.txt
                +:&5L;&\\@=V]R;&0*
                `
                end
                """)), e -> assertThat(e.body().get("text/plain")).contains("begin 644 hello.txt\n+:&5L;&\\@=V]R;&0*\n`\nend\n")));
    }

    private static void headerText(List<Converts> c) {
        c.add(new Converts("raw-utf8-headers", utf8((head("u8") + crlf("""
                Subject: Grüße – 日本の資料
                Content-Type: multipart/mixed; boundary="u"

                --u
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Anbei.
                --u
                Content-Type: application/pdf; name="Übersicht 2025.pdf"
                Content-Disposition: attachment; filename="Übersicht 2025.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --u--
                """)).replace("Alice Example", "Jürgen Müller")), e -> {
            assertThat(e.subject()).contains("Grüße – 日本の資料");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("Übersicht 2025.pdf");
        }));
        c.add(new Converts("raw-latin1-headers", Corpus.concat(utf8(head("l1")), latin1(crlf("""
                Subject: Résumé für Bob
                Content-Type: multipart/mixed; boundary="l"

                --l
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: 8bit

                Grüße
                --l
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="résumé.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --l--
                """))), e -> {
            assertThat(e.subject()).contains("Résumé für Bob");
            assertThat(e.body().get("text/plain")).isEqualTo("Grüße");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("résumé.pdf");
        }));
        byte[] nihon = utf8("日本");
        c.add(new Converts("encoded-words-split-inside-a-character", utf8(head("split") + "Subject: =?UTF-8?Q?Gr=C3?= =?UTF-8?Q?=BC=C3=9Fe_?=\r\n"
                + " =?UTF-8?B?" + b64(java.util.Arrays.copyOf(nihon, 4)) + "?= =?UTF-8?B?" + b64(java.util.Arrays.copyOfRange(nihon, 4, 6)) + "?=\r\n"
                + "Content-Type: multipart/mixed; boundary=s\r\n\r\n--s\r\nContent-Type: text/plain\r\n\r\nx\r\n--s\r\n"
                + "Content-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename=\"=?UTF-8?Q?=C3?= =?UTF-8?Q?=9Cbersicht.pdf?=\"\r\n\r\n%PDF\r\n--s--\r\n"), e -> {
            assertThat(e.subject()).contains("Grüße 日本");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("Übersicht.pdf");
        }));
        c.add(new Converts("raw-windows-1252-subject", Corpus.concat(utf8(head("cp")), in("windows-1252",
                "Subject: \u201cQuoted\u201d \u2013 \u20ac5\r\n\r\nx\r\n")), e -> assertThat(e.subject()).contains("\u201cQuoted\u201d \u2013 \u20ac5")));
        c.add(new Converts("adjacent-encoded-words", utf8(head("adj") + "Subject: =?utf-8?q?Hello_?=\r\n =?utf-8?q?World?= plain\r\n"
                + " =?utf-8?b?w6Q=?=   =?iso-8859-1?q?=E4?= =?utf-8?Q?x?=y end\r\n\r\nx\r\n"),
                e -> assertThat(e.subject()).contains("Hello World plain ääxy end")));
        c.add(new Converts("malformed-encoded-words", utf8(head("bad") + "Subject: =?utf-8?Q?ok?= =?utf-8?X?bad?= =?utf-8?B?###?="
                + " =?x-unknown?Q?kept?= =??Q?nocharset?= =?utf-8?Q?unterminated\r\n\r\nx\r\n"),
                e -> assertThat(e.subject()).contains("ok =?utf-8?X?bad?= =?utf-8?B?###?= =?x-unknown?Q?kept?= =??Q?nocharset?= =?utf-8?Q?unterminated")));
        c.add(new Converts("rfc2231-continuations", utf8(head("2231") + crlf("""
                Subject: RFC 2231
                Content-Type: multipart/mixed; boundary="p"

                --p
                Content-Type: text/plain

                three files
                --p
                Content-Type: application/pdf; name*0*=UTF-8''%E2%82; name*1*=%AC%20x.pdf
                Content-Disposition: attachment;
                 filename*0*=UTF-8''%E2%82;
                 filename*1*=%AC%20Rechnung%20%C3%BCber;
                 filename*2=".pdf"

                %PDF
                --p
                Content-Type: text/plain
                Content-Disposition: attachment; filename*=iso-8859-1'de'Gr%FC%DFe.txt

                Gruesse
                --p
                Content-Type: text/plain
                Content-Disposition: attachment; filename="fallback.txt"; filename*=utf-8''%E6%97%A5%E6%9C%AC.txt

                Nihon
                --p--
                """)), e -> assertThat(e.attachments()).extracting(Attachment::filename)
                .containsExactly("€ Rechnung über.pdf", "Grüße.txt", "日本.txt")));
        c.add(new Converts("rfc2047-filenames", utf8(head("2047") + crlf("""
                Subject: RFC 2047 names
                Content-Type: multipart/mixed; boundary="p"

                --p
                Content-Type: text/plain

                two files
                --p
                Content-Type: application/pdf; name="=?iso-8859-1?Q?r=E9sum=E9.pdf?="
                Content-Disposition: attachment; filename="=?iso-8859-1?Q?r=E9sum=E9.pdf?="

                %PDF
                --p
                Content-Type: text/plain; name==?utf-8?B?w7xiZXIudHh0?=

                ueber
                --p--
                """)), e -> assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("résumé.pdf", "über.txt")));
        c.add(new Converts("bidi-and-invisible-filenames", utf8(head("bidi") + crlf("""
                Subject: spoofed file names
                Content-Type: multipart/mixed; boundary="n"

                --n
                Content-Type: text/plain; charset=utf-8

                See the files.
                --n
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="invoice\u202Efdp.exe"

                MZ
                --n
                Content-Type: application/octet-stream
                Content-Disposition: attachment;
                 filename*=utf-8''%EF%BB%BFscan%E2%81%A7gpj.%E2%80%8Bexe%E2%81%A9

                MZ
                --n
                Content-Type: application/pdf; name="NAME-2047"

                %PDF
                --n
                Content-Type: image/png
                Content-Disposition: inline; filename="\u2060\u200D\uFEFF"

                PNG
                --n
                Content-Type: text/plain; charset=utf-8; name="a\u061C\u200F\u202A\u202B\u202C\u202D\u2066\u2068\u200C b.txt"
                Content-Disposition: attachment

                notes
                --n--
                """.replace("NAME-2047", "=?utf-8?B?" + b64(utf8("\u200E\u202E.exe")) + "?="))), e -> assertThat(e.attachments())
                .extracting(Attachment::filename)
                .containsExactly("invoicefdp.exe", "scangpj.exe", "part-4.pdf", "part-5.png", "a b.txt")));
        c.add(new Converts("header-folding-oddities", utf8(head("fold") + "Subject: first\r\n \r\n\tsecond\r\nX-Spaced-Name : value\r\n"
                + "Content-Type:text/plain;charset=utf-8\r\nContent-Transfer-Encoding:8bit\r\n\r\nkörper\r\n"), e -> {
            assertThat(e.subject().orElseThrow()).startsWith("first").endsWith("second");
            assertThat(e.body().get("text/plain")).isEqualTo("körper\n");
        }));
        c.add(new Converts("encoded-word-with-line-break", utf8(head("crlfword") + "Subject: =?utf-8?Q?Line_one=0D=0ALine_two=0Athree?=\r\n\r\nx\r\n"),
                e -> assertThat(e.subject()).contains("Line one Line two three")));
        String refs = java.util.stream.IntStream.range(0, 120).mapToObj(i -> "<ref-" + i + "@corp.example>").collect(java.util.stream.Collectors.joining(" "));
        c.add(new Converts("header-lines-over-998-octets", utf8(head("longhdr") + "Subject: " + "word ".repeat(300) + "end\r\nIn-Reply-To: <ref-119@corp.example>\r\n"
                + "References: " + refs + "\r\nX-Long: " + "z".repeat(5000) + "\r\n\r\nbody\r\n"), e -> {
            assertThat(e.subject().orElseThrow()).startsWith("word word").endsWith("word end").hasSize(1503);
            assertThat(e.body().get("text/plain")).isEqualTo("body\n");
        }));
        c.add(new Converts("blank-subject", utf8(head("blank") + "Subject:    \r\n\r\nbody\r\n"), e -> assertThat(e.subject()).isEmpty()));
        c.add(new Converts("duplicate-subject-and-content-type", utf8(head("dup") + "Subject: First\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Subject: Second\r\nContent-Type: text/html; charset=utf-8\r\n\r\nplain text wins\r\n"), e -> {
            assertThat(e.subject()).contains("First");
            assertThat(e.body()).containsOnlyKeys("text/plain");
        }));
    }

    private static void structure(List<Converts> c) {
        c.add(new Converts("missing-close-delimiters-nested", utf8(head("open") + crlf("""
                Subject: never closed
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain

                plain
                --inner
                Content-Type: text/html

                <p>html</p>
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("plain");
            assertThat(e.body().get("text/html")).isEqualTo("<p>html</p>\n");
        }));
        byte[] as = utf8("A".repeat(48));
        c.add(new Converts("boundary-lookalikes", utf8(head("look") + crlf("""
                Subject: lookalikes
                Content-Type: multipart/mixed; boundary="b1"

                This preamble mentions --b1 and
                --b1x is not a delimiter either.
                --b1
                Content-Type: text/plain

                --b1-- quoted in the text
                --b1x
                 --b1
                --b1
                Content-Type: multipart/mixed; boundary="QUFBQUFB"

                --QUFBQUFB
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64

                """) + Signatures.base64Lines(as) + crlf("""
                --QUFBQUFB--
                --b1--
                epilogue --b1
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("--b1-- quoted in the text\n--b1x\n --b1");
            assertThat(e.attachments()).extracting(Attachment::size).containsExactly(48L);
        }));
        c.add(new Converts("boundary-trailing-whitespace", utf8(head("tw") + "Subject: padding\r\nContent-Type: multipart/mixed; boundary=tw   \r\n\r\n"
                + "--tw \t\r\nContent-Type: multipart/alternative; boundary=\"with space\"\r\n\r\n--with space  \r\nContent-Type: text/plain\r\n\r\n"
                + "padded\r\n--with space--\t\r\n--tw\t \r\nContent-Type: text/plain; name=\"n.txt\"\r\n\r\nnote\r\n--tw--   \r\n"), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("padded");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("n.txt");
        }));
        c.add(new Converts("nested-rfc822-with-multiparts", utf8(head("fwd") + crlf("""
                Subject: Fwd: thread
                Content-Type: multipart/mixed; boundary="o"

                --o
                Content-Type: text/plain

                See below.
                --o
                Content-Type: message/rfc822

                From: carol@else.example
                Subject: inner
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="i"

                --i
                Content-Type: multipart/alternative; boundary="ia"

                --ia
                Content-Type: text/plain

                inner plain
                --ia
                Content-Type: text/html

                <p>inner</p>
                --ia--

                --i
                Content-Type: message/rfc822

                From: dave@else.example
                Subject: innermost

                deepest
                --i
                Content-Type: application/pdf; name="inner.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --i--

                --o--
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("See below.");
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType)
                    .containsExactly(tuple("part-2.eml", "message/rfc822"));
        }));
        c.add(new Converts("empty-parts-and-zero-length-attachments", utf8(head("empty") + crlf("""
                Subject: empties
                Content-Type: multipart/mixed; boundary="e"

                --e
                Content-Type: text/plain

                body
                --e
                --e
                Content-Type: application/octet-stream; name="empty.bin"
                Content-Transfer-Encoding: base64

                --e
                Content-Type: text/plain
                Content-Disposition: attachment; filename="empty.txt"

                --e--
                """)), e -> {
            // The empty untyped part is inline text with nothing in it: shown nowhere, as by mail readers.
            assertThat(e.body().get("text/plain")).isEqualTo("body");
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::size)
                    .containsExactly(tuple("empty.bin", 0L), tuple("empty.txt", 0L));
        }));
        c.add(new Converts("same-filename-twice", utf8(head("same") + crlf("""
                Subject: two scans
                Content-Type: multipart/mixed; boundary="s"

                --s
                Content-Type: text/plain

                two scans
                --s
                Content-Type: application/pdf; name="scan.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --s
                Content-Type: application/pdf; name="scan.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjUK
                --s--
                """)), e -> {
            assertThat(e.attachments()).extracting(Attachment::id, Attachment::filename)
                    .containsExactly(tuple("part-2", "scan.pdf"), tuple("part-3", "scan.pdf"));
            assertThat(e.attachments().get(0).hash()).isNotEqualTo(e.attachments().get(1).hash());
        }));
        c.add(new Converts("no-blank-lines-before-bodies", utf8(head("noblank") + crlf("""
                Subject: PHP mailer
                Content-Type: multipart/mixed; boundary="php"
                --php
                Content-Type: text/plain; charset=utf-8
                Hallo, no blank line here.
                --php
                Content-Type: text/csv; name="data.csv"
                Content-Transfer-Encoding: base64
                YSxiCjEsMgo=
                --php--
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Hallo, no blank line here.");
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType).containsExactly(tuple("data.csv", "text/csv"));
        }));
        c.add(new Converts("nesting-at-the-limit", utf8(head("deep") + "Subject: twenty deep\r\n" + MalformedInputTest.nested(20)),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("leaf")));
        c.add(new Converts("multipart-digest", utf8(head("digest") + crlf("""
                Subject: digest
                Content-Type: multipart/digest; boundary="d"

                --d

                From: a@list.example
                Subject: one

                first
                --d

                From: b@list.example
                Subject: two

                second
                --d--
                """)), e -> {
            assertThat(e.body()).isEqualTo(java.util.Map.of("text/plain", ""));
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType)
                    .containsExactly(tuple("part-1.eml", "message/rfc822"), tuple("part-2.eml", "message/rfc822"));
        }));
        c.add(new Converts("message-global-attached", utf8(head("global") + crlf("""
                Subject: internationalized message attached
                Content-Type: multipart/mixed; boundary="g"

                --g
                Content-Type: text/plain

                attached
                --g
                Content-Type: message/global
                Content-Transfer-Encoding: 8bit

                From: Jürgen <jürgen@corp.example>
                Subject: Grüße

                Körper
                --g
                Content-Type: message/rfc822
                Content-Transfer-Encoding: base64

                """) + Signatures.base64Lines(utf8("From: x@y.example\r\nSubject: b64\r\n\r\nencoded message\r\n")) + "--g--\r\n"), e -> {
            assertThat(e.attachments()).extracting(Attachment::mimeType).containsExactly("message/global", "message/rfc822");
            assertThat(new String(Base64.getDecoder().decode(e.attachments().get(0).content()), StandardCharsets.UTF_8)).endsWith("Körper");
            assertThat(new String(Base64.getDecoder().decode(e.attachments().get(1).content()), StandardCharsets.UTF_8))
                    .isEqualTo("From: x@y.example\r\nSubject: b64\r\n\r\nencoded message\r\n");
        }));
    }

    private static void signedAndReports(List<Converts> c) {
        String smimeContent = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                + "line with trailing spaces   \r\ntab at the end\t\r\n\r\n";
        c.add(new Converts("smime-signed-trailing-whitespace", utf8(head("ssig") + "Subject: signed\r\nContent-Type: multipart/signed; "
                + "protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"sig\"\r\n\r\n--sig\r\n" + smimeContent
                + "\r\n--sig\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Signatures.base64Lines(Signatures.smimeSign(utf8(smimeContent))) + "\r\n--sig--\r\n"), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("line with trailing spaces   \ntab at the end\t\n\n");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("smime.p7s");
        }));
        String pgpContent = "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Gr=FC=DFe   \r\nsigned=20\r\n\r\n";
        c.add(new Converts("pgp-signed-trailing-whitespace", utf8(head("psig") + "Subject: pgp signed\r\nContent-Type: multipart/signed; "
                + "micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"pgp\"\r\n\r\n--pgp\r\n" + pgpContent
                + "\r\n--pgp\r\nContent-Type: application/pgp-signature; name=\"signature.asc\"\r\n\r\n" + Signatures.pgpSign(utf8(pgpContent))
                + "\r\n--pgp--\r\n"), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Grüße\nsigned \n\n");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("signature.asc");
        }));
        c.add(new Converts("pgp-encrypted", utf8(head("penc") + crlf("""
                Subject: encrypted
                Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="enc"

                This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)
                --enc
                Content-Type: application/pgp-encrypted
                Content-Description: PGP/MIME version identification

                Version: 1

                --enc
                Content-Type: application/octet-stream; name="encrypted.asc"
                Content-Disposition: inline; filename="encrypted.asc"

                -----BEGIN PGP MESSAGE-----

                hF4DAAAAAAAAAAASAQdAAAAA
                -----END PGP MESSAGE-----

                --enc--
                """)), e -> {
            assertThat(e.body()).isEqualTo(java.util.Map.of("text/plain", ""));
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("pgp-encrypted.asc", "encrypted.asc");
        }));
        String dsnHead = head("dsn").replace("Alice Example <alice@corp.example>", "Mail Delivery System <MAILER-DAEMON@corp.example>");
        c.add(new Converts("dsn-multipart-report", utf8(dsnHead + crlf("""
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="B2F1A3C.1749450000/mx.corp.example"
                Content-Transfer-Encoding: 8bit

                This is a MIME-encapsulated message.

                --B2F1A3C.1749450000/mx.corp.example
                Content-Description: Notification
                Content-Type: text/plain; charset=utf-8

                This is the mail system at host mx.corp.example.

                <nobody@peer.example>: host mx.peer.example said: 550 5.1.1 unknown user
                --B2F1A3C.1749450000/mx.corp.example
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.corp.example
                Arrival-Date: Mon,  9 Jun 2025 08:29:59 +0200 (CEST)

                Final-Recipient: rfc822; nobody@peer.example
                Action: failed
                Status: 5.1.1

                --B2F1A3C.1749450000/mx.corp.example
                Content-Description: Undelivered Message
                Content-Type: message/rfc822
                Content-Transfer-Encoding: 8bit

                From: bob@peer.example
                Subject: hello

                original body
                --B2F1A3C.1749450000/mx.corp.example--
                """)), e -> {
            assertThat(e.body().get("text/plain")).startsWith("This is the mail system").endsWith("unknown user");
            assertThat(e.attachments()).extracting(Attachment::mimeType).containsExactly("message/delivery-status", "message/rfc822");
        }));
        c.add(new Converts("dsn-text-rfc822-headers", utf8(dsnHead + crlf("""
                Subject: Delivery Status Notification (Failure)
                Content-Type: multipart/report; report-type="delivery-status"; boundary="rep"

                --rep
                Content-Type: text/plain

                Delivery failed.
                --rep
                Content-Type: message/delivery-status

                Final-Recipient: rfc822;nobody@peer.example
                Action: failed
                Status: 5.0.0
                --rep
                Content-Type: text/rfc822-headers

                From: bob@peer.example
                Subject: hello
                --rep--
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Delivery failed.");
            assertThat(e.attachments()).extracting(Attachment::mimeType).containsExactly("message/delivery-status", "text/rfc822-headers");
        }));
        c.add(new Converts("ms-tnef-winmail-dat", utf8(head("tnef") + crlf("""
                Subject: from Outlook
                Content-Type: multipart/mixed; boundary="_tnef_"

                --_tnef_
                Content-Type: text/plain; charset="us-ascii"
                Content-Transfer-Encoding: 7bit

                Rich text was here.
                --_tnef_
                Content-Type: application/ms-tnef; name="winmail.dat"
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename="winmail.dat"

                eJ8+IgAAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADoAAEIgAcAGAAAAElQTS5NaWNy
                --_tnef_--
                """)), e -> assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType)
                .containsExactly(tuple("winmail.dat", "application/ms-tnef"))));
    }

    private static void transferEncodings(List<Converts> c) {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i == '\r' || i == '\n' ? 'x' : i);
        }
        c.add(new Converts("cte-8bit-latin1-and-binary", Corpus.concat(utf8(head("bin") + "Subject: binary\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"), latin1("Grüße, Zoë\r\n"),
                utf8("--b\r\nContent-Type: application/octet-stream; name=\"all.bin\"\r\nContent-Transfer-Encoding: binary\r\n\r\n"), binary,
                utf8("\r\n--b--\r\n")), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Grüße, Zoë");
            assertThat(Base64.getDecoder().decode(e.attachments().getFirst().content())).isEqualTo(binary);
        }));
        c.add(new Converts("cte-odd-case-and-unknown", utf8(head("cte") + crlf("""
                Subject: odd transfer encodings
                Content-Type: multipart/mixed; boundary="c"

                --c
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding:   Quoted-Printable\t

                caf=C3=A9
                --c
                Content-Type: application/octet-stream; name="a.bin"
                Content-Transfer-Encoding: BASE64

                AAEC
                --c
                Content-Type: application/octet-stream; name="u.bin"
                Content-Transfer-Encoding: x-uue

                begin 644 u.bin
                end
                --c
                Content-Type: text/plain; name="t.txt"
                Content-Transfer-Encoding: 8BIT

                text
                --c--
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("café");
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::size)
                    .containsExactly(tuple("a.bin", 3L), tuple("u.bin", 20L), tuple("t.txt", 4L));
        }));
        c.add(new Converts("cte-with-comment", utf8(head("ctec") + "Subject: comment\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64 (encoded by the MUA)\r\n\r\nR3LDvMOfZSBhdXMgS8O2bG4K\r\n"),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("Grüße aus Köln\n")));
        c.add(new Converts("base64-dirty", utf8(head("dirty") + crlf("""
                Subject: dirty base64
                Content-Type: multipart/mixed; boundary="d"

                --d
                Content-Type: text/plain

                see file
                --d
                Content-Type: application/octet-stream; name="hello.txt"
                Content-Transfer-Encoding: base64

                SGVs bG8g\t
                V29y!bGQ
                --d
                Content-Type: text/plain; charset=utf-8
                Content-Disposition: attachment; filename="pad.txt"
                Content-Transfer-Encoding: base64

                w7w
                --d--
                """)), e -> assertThat(e.attachments()).extracting(a -> new String(Base64.getDecoder().decode(a.content()), StandardCharsets.UTF_8))
                .containsExactly("Hello World", "ü")));
        c.add(new Converts("qp-soft-break-at-end-and-invalid-escapes", utf8(head("qp") + "Subject: qp\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\ncaf=c3=a9 =ZZ bad =4\r\ntrailing   \r\nsoft=\r\nbreak and end="),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("café =ZZ bad =4\ntrailing\nsoftbreak and end")));
    }

    private static void charsets(List<Converts> c) {
        c.add(new Converts("iso-2022-jp", Corpus.concat(utf8(head("jis") + "Subject: =?ISO-2022-JP?B?" + b64(in("ISO-2022-JP", "会議の件"))
                + "?=\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"),
                in("ISO-2022-JP", "田中様\r\n明日の会議です。\r\n")), e -> {
            assertThat(e.subject()).contains("会議の件");
            assertThat(e.body().get("text/plain")).isEqualTo("田中様\n明日の会議です。\n");
        }));
        c.add(new Converts("shift-jis-8bit", Corpus.concat(utf8(head("sjis") + "Subject: =?shift_jis?B?" + b64(in("Shift_JIS", "ファイル"))
                + "?=\r\nContent-Type: text/plain; charset=\"Shift_JIS\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"),
                in("Shift_JIS", "ファイルを送ります。\r\n")), e -> {
            assertThat(e.subject()).contains("ファイル");
            assertThat(e.body().get("text/plain")).isEqualTo("ファイルを送ります。\n");
        }));
        c.add(new Converts("gb18030-and-gbk-labelled-gb2312", Corpus.concat(utf8(head("gb") + "Subject: =?gb2312?B?" + b64(in("GBK", "朱镕基"))
                + "?=\r\nContent-Type: multipart/alternative; boundary=g\r\n\r\n--g\r\nContent-Type: text/plain; charset=gb18030\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n"), in("GB18030", "中文邮件 €"), utf8("\r\n--g\r\nContent-Type: text/html; charset=gb2312\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64(in("GBK", "<p>朱镕基</p>")) + "\r\n--g--\r\n")), e -> {
            assertThat(e.subject()).contains("朱镕基");
            assertThat(e.body().get("text/plain")).isEqualTo("中文邮件 €");
            assertThat(e.body().get("text/html")).isEqualTo("<p>朱镕基</p>");
        }));
        c.add(new Converts("windows-31j-labelled-shift-jis", Corpus.concat(utf8(head("w31j") + "Subject: =?Shift_JIS?B?" + b64(in("windows-31j", "①会議"))
                + "?=\r\nContent-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"), in("windows-31j", "①番目の議題\r\n")), e -> {
            assertThat(e.subject()).contains("①会議");
            assertThat(e.body().get("text/plain")).isEqualTo("①番目の議題\n");
        }));
        c.add(new Converts("cp949-labelled-euc-kr", utf8(head("cp949") + "Subject: =?euc-kr?B?" + b64(in("x-windows-949", "똠방각하")) + "?=\r\n"
                + "Content-Type: text/plain; charset=euc-kr\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(in("x-windows-949", "똠방각하\r\n"))
                + "\r\n"), e -> {
            assertThat(e.subject()).contains("똠방각하");
            assertThat(e.body().get("text/plain")).isEqualTo("똠방각하\n");
        }));
        c.add(new Converts("big5-quoted-printable", utf8(head("big5") + "Subject: big5\r\nContent-Type: text/plain; charset=big5\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp(in("Big5", "繁體中文")) + "\r\n"),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("繁體中文\n")));
        c.add(new Converts("koi8-r", Corpus.concat(utf8(head("koi") + "Subject: =?koi8-r?B?" + b64(in("KOI8-R", "Привет")) + "?=\r\n"
                + "Content-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"), in("KOI8-R", "Привет, Боб!\r\n")), e -> {
            assertThat(e.subject()).contains("Привет");
            assertThat(e.body().get("text/plain")).isEqualTo("Привет, Боб!\n");
        }));
        c.add(new Converts("windows-1252-labelled-iso-8859-1", utf8(head("1252") + "Subject: =?iso-8859-1?Q?=93Hi=94?=\r\n"
                + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "=93smart quotes=94 cost =8020 =96 caf=E9\r\n"), e -> {
            assertThat(e.subject()).contains("\u201cHi\u201d");
            assertThat(e.body().get("text/plain")).isEqualTo("\u201csmart quotes\u201d cost \u20ac20 \u2013 café\n");
        }));
        c.add(new Converts("utf8-invalid-sequences", Corpus.concat(utf8(head("inv") + "Subject: invalid\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nok "), new byte[] {(byte) 0xc0, (byte) 0xaf, ' ', (byte) 0xed, (byte) 0xa0, (byte) 0x80, ' ',
                (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, utf8(" still readable \u00e9\r\n"), new byte[] {(byte) 0xe2, (byte) 0x82}),
                e -> assertThat(e.body().get("text/plain")).startsWith("ok \uFFFD").contains(" still readable \u00e9\n").endsWith("\uFFFD")));
        c.add(new Converts("iso-2022-cn-decode-only-charset", Corpus.concat(utf8(head("cn") + "Subject: iso-2022-cn\r\n"
                + "Content-Type: text/plain; charset=ISO-2022-CN\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"),
                new byte[] {0x1b, '$', ')', 'A', 0x0e, 'V', 'P', 'N', 'D', 0x0f, '\r', '\n'}),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("中文\n")));
        byte[] loneSurrogate32 = {0, 0, (byte) 0xd8, 0, 0, 0, 0, 'a'};
        c.add(new Converts("lone-surrogates-from-utf-32-and-cesu-8", Corpus.concat(utf8(head("sur") + "Subject: =?utf-32?B?" + b64(loneSurrogate32)
                + "?= end\r\nContent-Type: multipart/mixed; boundary=s\r\n\r\n--s\r\nContent-Type: text/plain; charset=CESU-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n"), new byte[] {'x', (byte) 0xed, (byte) 0xa0, (byte) 0x80, 'y'},
                utf8("\r\n--s\r\nContent-Type: text/plain; charset=utf-32; name=\"u32.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(loneSurrogate32) + "\r\n--s--\r\n")), e -> {
            assertThat(e.subject()).contains("\uFFFDa end");
            assertThat(e.body().get("text/plain")).isEqualTo("x\uFFFDy");
        }));
        c.add(new Converts("utf-16-base64", utf8(head("u16") + "Subject: utf-16\r\nContent-Type: text/plain; charset=utf-16\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64(Corpus.concat(new byte[] {(byte) 0xff, (byte) 0xfe}, in("UTF-16LE", "Hallo Welt\r\n")))
                + "\r\n"), e -> assertThat(e.body().get("text/plain")).isEqualTo("Hallo Welt\n")));
        c.add(new Converts("ks-c-5601-1987-outlook-korean", utf8(head("ko") + "Subject: =?ks_c_5601-1987?B?" + b64(in("EUC-KR", "안녕하세요")) + "?=\r\n"
                + "Content-Type: text/plain; charset=\"ks_c_5601-1987\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(in("EUC-KR", "안녕하세요\r\n")) + "\r\n"), e -> {
            assertThat(e.subject()).contains("안녕하세요");
            assertThat(e.body().get("text/plain")).isEqualTo("안녕하세요\n");
        }));
        c.add(new Converts("html-only-undeclared-windows-1252", Corpus.concat(utf8(head("h1252") + "Subject: html\r\nContent-Type: text/html\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n"), in("windows-1252", "<p>café \u20ac</p>\r\n")),
                e -> assertThat(e.body()).containsExactly(java.util.Map.entry("text/html", "<p>café \u20ac</p>\n"))));
    }

    private static void fieldsAndLimits(List<Converts> c) {
        c.add(new Converts("content-type-odd-case-quoting-duplicates", utf8(head("odd") + crlf("""
                Subject: odd parameters
                Content-Type: Multipart/Alternative; BOUNDARY="Odd_Case"; boundary="ignored-second";

                --Odd_Case
                Content-Type: TEXT/PLAIN; CHARSET="ISO-8859-1"; Format="Flowed"
                Content-Transfer-Encoding: Quoted-Printable

                Gr=FC=DFe
                --Odd_Case
                Content-Type: text/html ;charset = "utf-8" ; ;
                Content-Transfer-Encoding: 7bit

                <p>hi</p>
                --Odd_Case--
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Grüße");
            assertThat(e.body().get("text/html")).isEqualTo("<p>hi</p>");
        }));
        c.add(new Converts("content-type-comments", Corpus.concat(utf8(head("cmt") + "Subject: comments\r\n"
                + "Content-Type: multipart/mixed (generated) ; boundary=\"cm\" (the boundary)\r\n\r\n--cm\r\n"
                + "Content-Type: text/plain; charset=koi8-r (Cyrillic)\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"), in("KOI8-R", "Привет"),
                utf8("\r\n--cm\r\nContent-Type: application/pdf; name=\"c.pdf\" (a file)\r\n\r\n%PDF\r\n--cm--\r\n")), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Привет");
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType).containsExactly(tuple("c.pdf", "application/pdf"));
        }));
        StringBuilder fits = new StringBuilder(head("h1000") + "Subject: a thousand fields\r\n");
        StringBuilder over = new StringBuilder(head("h1000l") + "Subject: a thousand long fields\r\n");
        for (int i = 0; i < 1000; i++) {
            fits.append(String.format("X-Trace-%04d: ok\r\n", i));
            over.append(String.format("X-Long-%04d: ", i)).append("v".repeat(90)).append("\r\n");
        }
        c.add(new Converts("thousand-header-fields", utf8(fits + "\r\nbody\r\n"), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("body\n");
            assertThat(e.attachments()).isEmpty();
        }));
        c.add(new Converts("thousand-long-header-fields-carried-whole", utf8(over + "\r\nbody\r\n"), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("body\n");
            assertThat(e.attachments()).extracting(Attachment::id).containsExactly("original-message");
        }));
        c.add(new Converts("reply-to-ip-literal", utf8(head("r5") + "Reply-To: helpdesk <help@[192.0.2.1]>\r\nSubject: s\r\n\r\nx\r\n"),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("x\n")));
        c.add(new Converts("reply-to-list-first-unusable", utf8(head("rl") + "Reply-To: noreply@mail_server.example,\r\n"
                + " \"Help Desk\" <Help@Corp.Example>, other@corp.example\r\nSubject: s\r\n\r\nx\r\n"),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("x\n")));
        c.add(new Converts("headers-and-blank-line-only", utf8(head("ho") + "Subject: nothing\r\n\r\n"),
                e -> assertThat(e.body()).isEqualTo(java.util.Map.of("text/plain", ""))));
        c.add(new Converts("no-separator-then-colon-lines", utf8(head("nosep") + "Subject: typed body\r\nHi Bob,\r\nNote: this line has a colon\r\n"),
                e -> assertThat(e.body().get("text/plain")).isEqualTo("Hi Bob,\nNote: this line has a colon\n")));
    }

    /** Inline text parts after the body (list footers, text between images): shown after the body, not as attachments. */
    private static void inlineTextAfterBody(List<Converts> c) {
        c.add(new Converts("list-footer-after-alternative", utf8(head("footer") + crlf("""
                Subject: [team] lunch
                List-Id: <team.lists.corp.example>
                Content-Type: multipart/mixed; boundary="===============0528=="

                --===============0528==
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset="utf-8"
                Content-Transfer-Encoding: quoted-printable

                Lunch at noon? Caf=C3=A9 downstairs.
                --alt
                Content-Type: text/html; charset="utf-8"
                Content-Transfer-Encoding: quoted-printable

                <html><body><p>Lunch at noon? Caf=C3=A9 downstairs.</p></body></html>
                --alt--

                --===============0528==
                Content-Type: text/plain; charset="us-ascii"
                MIME-Version: 1.0
                Content-Transfer-Encoding: 7bit
                Content-Disposition: inline

                _______________________________________________
                team mailing list -- team@lists.corp.example
                To unsubscribe send an email to team-leave@lists.corp.example <now>
                --===============0528==--
                """)), e -> {
            String footer = "_______________________________________________\nteam mailing list -- team@lists.corp.example\n"
                    + "To unsubscribe send an email to team-leave@lists.corp.example <now>";
            assertThat(e.body().get("text/plain")).isEqualTo("Lunch at noon? Café downstairs.\n" + footer);
            assertThat(e.body().get("text/html")).isEqualTo("<html><body><p>Lunch at noon? Café downstairs.</p></body></html>\n"
                    + "<pre style=\"white-space: pre-wrap\">" + footer.replace("<now>", "&lt;now&gt;") + "</pre>\n");
            assertThat(e.attachments()).isEmpty();
            String extension = new String(sempgw.core.json.CanonicalJson.encode(e.extensions()), StandardCharsets.UTF_8);
            assertThat(extension).as("the texts travel once, in the body").doesNotContain("mailing list", "Lunch")
                    .contains("\"version\":2", "\"range\":[0,");
        }));
        c.add(new Converts("text-image-text", utf8(head("tit") + crlf("""
                Subject: look
                Content-Type: multipart/mixed; boundary="Apple-Mail=_1"

                --Apple-Mail=_1
                Content-Transfer-Encoding: 7bit
                Content-Type: text/plain; charset=us-ascii

                Before the picture.

                --Apple-Mail=_1
                Content-Disposition: inline; filename=dot.png
                Content-Type: image/png; name="dot.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --Apple-Mail=_1
                Content-Transfer-Encoding: 7bit
                Content-Type: text/plain; charset=us-ascii

                After it.
                --Apple-Mail=_1--
                """)), e -> {
            assertThat(e.body()).containsOnlyKeys("text/plain");
            assertThat(e.body().get("text/plain")).isEqualTo("Before the picture.\nAfter it.");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("dot.png");
        }));
        c.add(new Converts("footer-latin1-base64-after-plain", utf8(head("f1") + "Subject: Grüße\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(utf8("Grüße aus Köln\r\n")) + "\r\n--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64(latin1("-- \r\nListe für Köln\r\n")) + "\r\n--b--\r\n"), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Grüße aus Köln\n-- \nListe für Köln\n");
            assertThat(e.attachments()).isEmpty();
        }));
        c.add(new Converts("inline-text-with-file-name-stays-attachment", utf8(head("f2") + crlf("""
                Subject: notes
                Content-Type: multipart/mixed; boundary="n"

                --n
                Content-Type: text/plain

                See the notes.
                --n
                Content-Type: text/plain; name="notes.txt"
                Content-Disposition: inline; filename="notes.txt"

                one
                two
                --n--
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("See the notes.");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("notes.txt");
        }));
    }

    private static void clientLayouts(List<Converts> c) {
        c.add(new Converts("calendar-request-only", utf8(head("cal") + crlf("""
                Subject: Invitation: Review
                Content-Type: text/calendar; method=REQUEST; charset=UTF-8
                Content-Transfer-Encoding: 7bit

                BEGIN:VCALENDAR
                METHOD:REQUEST
                BEGIN:VEVENT
                UID:r1@corp.example
                DTSTART:20250610T090000Z
                SUMMARY:Review
                END:VEVENT
                END:VCALENDAR
                """)), e -> {
            assertThat(e.body()).isEqualTo(java.util.Map.of("text/plain", ""));
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType).containsExactly(tuple("part-1.ics", "text/calendar"));
        }));
        c.add(new Converts("outlook-calendar-alternative-qp", utf8(head("olcal") + crlf("""
                Subject: Meeting
                Content-Type: multipart/mixed; boundary="_002_"

                --_002_
                Content-Type: multipart/alternative; boundary="_000_"

                --_000_
                Content-Type: text/plain; charset="utf-8"
                Content-Transfer-Encoding: base64

                TWVldGluZyBhdCAxMA==

                --_000_
                Content-Type: text/html; charset="utf-8"
                Content-Transfer-Encoding: quoted-printable

                <html><body>Meeting at 10</body></html>

                --_000_
                Content-Type: text/calendar; charset="utf-8"; method=REQUEST
                Content-Transfer-Encoding: quoted-printable

                BEGIN:VCALENDAR
                METHOD:REQUEST
                SUMMARY;LANGUAGE=3Dde-DE:Besprechung f=C3=BCr alle
                END:VCALENDAR

                --_000_--

                --_002_
                Content-Type: application/ics; name="invite.ics"
                Content-Disposition: attachment; filename="invite.ics"; size=64
                Content-Transfer-Encoding: base64

                QkVHSU46VkNBTEVOREFSDQpNRVRIT0Q6UkVRVUVTVA0KRU5EOlZDQUxFTkRBUg0K

                --_002_--
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Meeting at 10");
            assertThat(e.body().get("text/html")).startsWith("<html>");
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType)
                    .containsExactly(tuple("part-1.3.ics", "text/calendar"), tuple("invite.ics", "application/ics"));
        }));
        c.add(new Converts("apple-alternative-with-related", utf8(head("apple1") + crlf("""
                Subject: Apple Mail with an inline image
                Content-Type: multipart/alternative; boundary="Apple-Mail=_A"

                --Apple-Mail=_A
                Content-Transfer-Encoding: 7bit
                Content-Type: text/plain;
                	charset=us-ascii

                Logo below.
                --Apple-Mail=_A
                Content-Type: multipart/related;
                	type="text/html";
                	boundary="Apple-Mail=_B"

                --Apple-Mail=_B
                Content-Transfer-Encoding: 7bit
                Content-Type: text/html;
                	charset=us-ascii

                <html><body>Logo below.<img src="cid:logo@apple"></body></html>
                --Apple-Mail=_B
                Content-Transfer-Encoding: base64
                Content-Disposition: inline;
                	filename=logo.png
                Content-Type: image/png;
                	name="logo.png"
                Content-Id: <logo@apple>

                iVBORw0KGgo=
                --Apple-Mail=_B--

                --Apple-Mail=_A--
                """)), e -> {
            assertThat(e.body().get("text/plain")).isEqualTo("Logo below.");
            assertThat(e.body().get("text/html")).contains("cid:logo@apple");
            assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType).containsExactly(tuple("logo.png", "image/png"));
        }));
        c.add(new Converts("apple-alternative-with-mixed-inline-attachment", utf8(head("apple2") + crlf("""
                Subject: Apple Mail with an inline PDF
                Content-Type: multipart/alternative; boundary="Apple-Mail=_C"

                --Apple-Mail=_C
                Content-Transfer-Encoding: 7bit
                Content-Type: text/plain;
                	charset=us-ascii

                Before the file.

                After the file.
                --Apple-Mail=_C
                Content-Type: multipart/mixed;
                	boundary="Apple-Mail=_D"

                --Apple-Mail=_D
                Content-Transfer-Encoding: 7bit
                Content-Type: text/html;
                	charset=us-ascii

                <html><body>Before the file.</body></html>
                --Apple-Mail=_D
                Content-Disposition: inline;
                	filename=doc.pdf
                Content-Type: application/pdf;
                	name="doc.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --Apple-Mail=_D
                Content-Transfer-Encoding: 7bit
                Content-Type: text/html;
                	charset=us-ascii

                <html><body>After the file.</body></html>
                --Apple-Mail=_D--

                --Apple-Mail=_C--
                """)), e -> {
            assertThat(e.body().get("text/plain")).startsWith("Before the file.");
            assertThat(e.body().get("text/html")).isEqualTo("<html><body>Before the file.</body></html>");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("doc.pdf", "part-2.3.html");
        }));
        c.add(new Converts("related-with-start-parameter", utf8(head("start") + crlf("""
                Subject: related root second
                Content-Type: multipart/related; type="text/html"; start="<root@corp.example>"; boundary="r"

                --r
                Content-Type: image/gif; name="dot.gif"
                Content-ID: <dot@corp.example>
                Content-Transfer-Encoding: base64

                R0lGODlhAQABAAAAACw=
                --r
                Content-Type: text/html; charset=utf-8
                Content-ID: <root@corp.example>

                <img src="cid:dot@corp.example">
                --r--
                """)), e -> {
            assertThat(e.body()).containsOnlyKeys("text/html");
            assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("dot.gif");
        }));
    }

    /** {@code bytes} quoted-printable: every byte above 0x7F as {@code =XX}, lines as they come. */
    private static String qp(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            s.append(v >= 0x80 || v == '=' ? String.format("=%02X", v) : String.valueOf((char) v));
        }
        return s.toString();
    }
}
