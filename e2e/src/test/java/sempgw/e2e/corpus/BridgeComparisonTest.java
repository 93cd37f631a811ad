package sempgw.e2e.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BridgeComparisonTest {
    private static final long SEED = 99L;
    private static final SigningKeys KEYS = SigningKeys.forSeed(SEED, "alice@alpha.test");
    private static final String VERIFIED = "SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=alpha.test\r\n";
    private static final String SENT = """
            Message-ID: <m1@alpha.test>\r
            Date: Wed, 25 Nov 2026 13:00:00 +0100\r
            From: "Example, Alice" <alice@alpha.test>\r
            To: Bob <bob@beta.test>, =?UTF-8?B?Q2Fyw7Rs?= <carol@beta.test>\r
            Cc: frank@beta.test\r
            Bcc: grace@beta.test\r
            Subject: =?UTF-8?B?R3LDvMOfZQ==?= [bridge-001]\r
            In-Reply-To: <p1@alpha.test>\r
            References: <r0@legacy.example>\r
             <p1@alpha.test>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Gr=C3=BC=C3=9Fe\r
            --b1\r
            Content-Type: application/pdf; name="a.pdf"\r
            Content-Disposition: attachment; filename="a.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            AAECAwQFBgcICQ==\r
            --b1--\r
            """;
    /** The same message as a gateway may render it: fields re-encoded, refolded and reordered, parts re-encoded, Bcc gone. */
    private static final String SAME = """
            Received: from gw.beta.test by mailbox\r
            SEMP-Verification: origin=semp; seal=pass;\r
             sender-signature=pass; sender-domain=alpha.test\r
            From: =?UTF-8?Q?Example=2C_Alice?= <alice@alpha.test>\r
            Date: Wed, 25 Nov 2026 12:00:00 +0000\r
            Subject: Grüße [bridge-001]\r
            To: "Bob" <bob@beta.test>,\r
            \tCarôl <carol@BETA.test>\r
            Cc: <frank@beta.test>\r
            Message-ID: <fresh@semp.invalid>\r
            In-Reply-To: <p1@alpha.test>\r
            References: <r0@legacy.example> <p1@alpha.test>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed;\r
             boundary="other"\r
            \r
            preamble\r
            --other\r
            Content-Type: text/plain; charset="UTF-8"\r
            Content-Transfer-Encoding: base64\r
            \r
            R3LDvMOfZQ==\r
            --other\r
            Content-Type: application/pdf\r
            Content-Disposition: attachment;\r
             filename*=utf-8''a.pdf\r
            Content-Transfer-Encoding: base64\r
            \r
            AAECAwQF\r
            BgcICQ==\r
            --other--\r
            """;

    @Test
    void differences_sameMessageReencodedAndRefolded_none() {
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(SAME), KEYS, "alpha.test")).isEmpty();
    }

    @Test
    void differences_oneAttachmentOctetChanged_namesThePart() {
        String changed = SAME.replace("BgcICQ==", "BgcICg==");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(changed), KEYS, "alpha.test"))
                .singleElement().asString().startsWith("part 2 is application/pdf attachment \"a.pdf\" 10 octets");
    }

    @Test
    void differences_textCharsetChanged_differs() {
        String changed = SAME.replace("charset=\"UTF-8\"", "charset=iso-8859-1");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(changed), KEYS, "alpha.test")).singleElement().asString()
                .contains("part 1 is text/plain;charset=iso-8859-1");
    }

    @Test
    void differences_partMissingOrStructureChanged_differs() {
        String oneLeaf = SAME.substring(0, SAME.indexOf("--other\r\nContent-Type: application/pdf")) + "--other--\r\n";
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(oneLeaf), KEYS, "alpha.test")).singleElement().asString()
                .isEqualTo("MIME structure multipart/mixed(text/plain), sent multipart/mixed(text/plain,application/pdf)");
        String related = SAME.replace("multipart/mixed;", "multipart/related;");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(related), KEYS, "alpha.test")).singleElement().asString()
                .startsWith("MIME structure multipart/related(");
    }

    @Test
    void differences_userVisibleHeaderChanged_namesTheField() {
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(SAME.replace("Grüße", "Grüsse")), KEYS, "alpha.test"))
                .singleElement().asString().startsWith("Subject is \"Grüsse [bridge-001]\"");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(SAME.replace("Carôl", "Carol")), KEYS, "alpha.test"))
                .singleElement().asString().startsWith("To is ");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(SAME.replace("Cc: <frank@beta.test>\r\n", "")), KEYS, "alpha.test"))
                .singleElement().asString().startsWith("Cc is missing");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(SAME.replace("12:00:00 +0000", "13:00:00 +0000")), KEYS, "alpha.test"))
                .singleElement().asString().startsWith("Date is ");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(SAME.replace("<r0@legacy.example> ", "")), KEYS, "alpha.test"))
                .singleElement().asString().startsWith("References is \"[<p1@alpha.test>]\"");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(SAME.replace("In-Reply-To: <p1@alpha.test>\r\n", "")), KEYS,
                "alpha.test")).singleElement().asString().startsWith("In-Reply-To is missing");
        String replyTo = SAME.replace("MIME-Version", "Reply-To: x@alpha.test\r\nMIME-Version");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(replyTo), KEYS, "alpha.test"))
                .singleElement().asString().startsWith("Reply-To is ");
    }

    @Test
    void differences_bccKept_differs() {
        String withBcc = SAME.replace("MIME-Version", "Bcc: grace@beta.test\r\nMIME-Version");
        assertThat(BridgeComparison.differences(bytes(SENT), bytes(withBcc), KEYS, "alpha.test"))
                .singleElement().asString().startsWith("a Bcc field arrived");
    }

    @Test
    void differences_verificationFieldMissingDoubledFailingOrForAnotherDomain_differs() {
        String verified = "SEMP-Verification: origin=semp; seal=pass;\r\n sender-signature=pass; sender-domain=alpha.test\r\n";
        assertThat(SAME).contains(verified);
        String none = SAME.replace(verified, "");
        String twice = SAME.replace(verified, verified + verified);
        String failing = SAME.replace("sender-signature=pass", "sender-signature=fail");
        String sealNone = SAME.replace("seal=pass", "seal=none");
        String legacy = SAME.replace("origin=semp", "origin=legacy");
        String otherDomain = SAME.replace("sender-domain=alpha.test", "sender-domain=evil.test");
        for (String received : List.of(none, twice, failing, sealNone, legacy, otherDomain)) {
            assertThat(BridgeComparison.differences(bytes(SENT), bytes(received), KEYS, "alpha.test"))
                    .singleElement().asString().contains(VerificationHeader.NAME);
        }
    }

    @Test
    void differences_signedPartReencodedWithSameText_signatureNoLongerVerifies() {
        for (String kind : List.of("smime-signed", "pgp-signed")) {
            TestMessage m = signedPlain(kind);
            byte[] arrived = arrived(m.content());
            assertThat(BridgeComparison.differences(m.content(), arrived, KEYS, "alpha.test")).as(kind).isEmpty();
            String s = new String(arrived, StandardCharsets.UTF_8);
            int start = s.indexOf("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
            int end = s.indexOf("\r\n--signed-", start);
            String qp = s.substring(start + "Content-Transfer-Encoding: quoted-printable\r\n\r\n".length(), end);
            byte[] decoded = QuotedPrintable.decode(bytes(qp));
            String reencoded = s.substring(0, start) + "Content-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(decoded) + s.substring(end);
            assertThat(BridgeComparison.differences(m.content(), bytes(reencoded), KEYS, "alpha.test")).as(kind)
                    .singleElement().asString().startsWith("signature no longer verifies");
        }
    }

    @Test
    void differences_signatureStripped_differs() {
        TestMessage m = signedPlain("pgp-signed");
        String s = new String(arrived(m.content()), StandardCharsets.UTF_8);
        String unsigned = s.replace("multipart/signed", "multipart/mixed");
        assertThat(BridgeComparison.differences(m.content(), bytes(unsigned), KEYS, "alpha.test"))
                .anySatisfy(d -> assertThat(d).startsWith("MIME structure multipart/mixed("))
                .anySatisfy(d -> assertThat(d).isEqualTo("0 multipart/signed parts arrived, sent 1"));
    }

    /** A signed message of the corpus whose signed part is a quoted-printable text part. */
    private static TestMessage signedPlain(String kind) {
        String expected = "multipart/signed(text/plain," + (kind.startsWith("smime") ? "application/pkcs7-signature" : "application/pgp-signature") + ")";
        for (int index = 0; index < 400; index += 4) {
            TestMessage m = BridgeCorpus.message(SEED, index, kind);
            if (BridgeComparison.shape(MimeEntity.parse(m.content())).equals(expected)) {
                return m;
            }
        }
        throw new IllegalStateException("no " + expected + " in the corpus");
    }

    /** What a gateway that changes nothing visible delivers: trace and verification fields on top, no Bcc. */
    static byte[] arrived(byte[] sent) {
        String s = new String(sent, StandardCharsets.ISO_8859_1);
        int split = s.indexOf("\r\n\r\n");
        String header = s.substring(0, split + 2).replaceFirst("(?m)^Bcc: [^\r]*\r\n", "");
        return ("Received: from gw.beta.test\r\n" + VERIFIED + header + s.substring(split + 2)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
