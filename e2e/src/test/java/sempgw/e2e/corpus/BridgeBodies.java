package sempgw.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The MIME bodies only the bridge corpus has: HTML with inline images (multipart/related, RFC
 * 2387), calendar invitations (text/calendar METHOD:REQUEST, RFC 5545 and RFC 6047), S/MIME and
 * PGP/MIME signed messages (multipart/signed, RFC 1847, RFC 8551 §3.5, RFC 3156 §5), and large
 * attachments. Each writes the content headers, the blank line and the body.
 */
final class BridgeBodies {

    private BridgeBodies() {
    }

    /** multipart/mixed whose boundary parameter names a delimiter the body never has: the body's own delimiters differ. */
    static void brokenMultipart(MessageWriter w, TextSource text) {
        String declared = "=_declared_" + text.between(1000, 9999);
        String used = "=_used_" + text.between(1000, 9999);
        w.header("Content-Type", "multipart/mixed; boundary=\"" + declared + "\"").blank();
        w.line("This is a multi-part message in MIME format.").blank();
        w.line("--" + used).header("Content-Type", "text/plain; charset=us-ascii").blank().text(text.paragraphs(2), StandardCharsets.US_ASCII);
        w.line("--" + used + "--");
    }

    /** multipart/alternative of a plain part and a multipart/related HTML part with 1 to 3 inline images. */
    static void related(MessageWriter w, TextSource text, String id) {
        String alt = "alt-" + text.between(1000, 9999);
        String rel = "rel-" + text.between(1000, 9999);
        int images = text.between(1, 3);
        String plain = text.paragraphs(1);
        w.header("Content-Type", "multipart/alternative; boundary=\"" + alt + "\"").blank();
        w.line("--" + alt).header("Content-Type", "text/plain; charset=us-ascii").header("Content-Transfer-Encoding", "7bit").blank()
                .text(plain, StandardCharsets.US_ASCII);
        w.line("--" + alt).header("Content-Type", "multipart/related;\r\n\ttype=\"text/html\"; boundary=\"" + rel + "\"").blank();
        StringBuilder html = new StringBuilder("<html><body><p>").append(plain.replace("\n", " ")).append("</p>\n");
        for (int i = 0; i < images; i++) {
            html.append("<p><img src=\"cid:img").append(i).append('.').append(id).append("@alpha.test\" alt=\"figure ").append(i)
                    .append("\"></p>\n");
        }
        w.line("--" + rel).header("Content-Type", "text/html; charset=utf-8").header("Content-Transfer-Encoding", "quoted-printable")
                .blank().text(TextSource.quotedPrintable(html.append("</body></html>").toString()), StandardCharsets.US_ASCII);
        for (int i = 0; i < images; i++) {
            w.line("--" + rel).header("Content-Type", "image/png; name=\"figure-" + i + ".png\"")
                    .header("Content-ID", "<img" + i + "." + id + "@alpha.test>")
                    .header("Content-Disposition", "inline; filename=\"figure-" + i + ".png\"")
                    .header("Content-Transfer-Encoding", "base64").blank()
                    .raw(TextSource.base64Lines(png(text, text.between(2 * 1024, 60 * 1024))));
        }
        w.line("--" + rel + "--").blank();
        w.line("--" + alt + "--");
    }

    /** An invitation as mail clients send one: alternative(plain, text/calendar) plus the .ics as an attachment. */
    static void calendar(MessageWriter w, TextSource text, String id, String organizer, String attendee) {
        String mixed = "cal-mixed-" + text.between(1000, 9999);
        String alt = "cal-alt-" + text.between(1000, 9999);
        String summary = text.pick(TextSource.UTF8_PHRASES) + " " + text.words(2);
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR", "PRODID:-//sempgw//e2e corpus//EN", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
                "UID:" + id + "@alpha.test", "DTSTAMP:20261125T120000Z",
                "DTSTART:202612" + String.format("%02d", text.between(1, 28)) + "T" + String.format("%02d", text.between(8, 17)) + "0000Z",
                "DURATION:PT1H", "SUMMARY:" + summary, "LOCATION:Room " + text.between(1, 40),
                "ORGANIZER;CN=Alice:mailto:" + organizer, "ATTENDEE;RSVP=TRUE;PARTSTAT=NEEDS-ACTION:mailto:" + attendee,
                "SEQUENCE:0", "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR") + "\r\n";
        byte[] icsBytes = ics.getBytes(StandardCharsets.UTF_8);
        w.header("Content-Type", "multipart/mixed; boundary=\"" + mixed + "\"").blank();
        w.line("--" + mixed).header("Content-Type", "multipart/alternative; boundary=\"" + alt + "\"").blank();
        w.line("--" + alt).header("Content-Type", "text/plain; charset=utf-8").header("Content-Transfer-Encoding", "quoted-printable")
                .blank().text(TextSource.quotedPrintable("Invitation: " + summary + "\n\n" + text.paragraphs(1)), StandardCharsets.US_ASCII);
        w.line("--" + alt).header("Content-Type", "text/calendar; charset=utf-8; method=REQUEST")
                .header("Content-Transfer-Encoding", "base64").blank().raw(TextSource.base64Lines(icsBytes));
        w.line("--" + alt + "--").blank();
        w.line("--" + mixed).header("Content-Type", "application/ics; name=\"invite.ics\"")
                .header("Content-Disposition", "attachment; filename=\"invite.ics\"")
                .header("Content-Transfer-Encoding", "base64").blank().raw(TextSource.base64Lines(icsBytes));
        w.line("--" + mixed + "--");
    }

    /** multipart/mixed: a plain part and one attachment of exactly {@code octets} octets. */
    static void largeAttachment(MessageWriter w, TextSource text, int octets) {
        String boundary = "large-" + text.between(1000, 9999);
        w.header("Content-Type", "multipart/mixed; boundary=" + boundary).blank();
        w.line("--" + boundary).header("Content-Type", "text/plain; charset=us-ascii").blank().text(text.paragraphs(1), StandardCharsets.US_ASCII);
        w.line("--" + boundary).header("Content-Type", "application/zip; name=\"archive.zip\"")
                .header("Content-Disposition", "attachment; filename=\"archive.zip\"").header("Content-Transfer-Encoding", "base64").blank()
                .raw(TextSource.base64Lines(text.bytes(octets)));
        w.line("--" + boundary + "--");
    }

    /** The kinds of signed message. */
    enum Signature { SMIME, PGP }

    /**
     * multipart/signed around a signed part (plain, alternative or plain plus an attachment),
     * signed over the part's octets exactly as they are then transmitted.
     */
    static void signed(MessageWriter w, TextSource text, Signature kind, SigningKeys keys) {
        MessageWriter inner = new MessageWriter(16 * 1024);
        switch (text.between(0, 2)) {
            case 0 -> inner.header("Content-Type", "text/plain; charset=utf-8").header("Content-Transfer-Encoding", "quoted-printable")
                    .blank().text(TextSource.quotedPrintable(text.pick(TextSource.UTF8_PHRASES) + "\n\n" + text.paragraphs(2)
                            + "trailing blanks   \nFrom the start of a line\n"), StandardCharsets.US_ASCII);
            case 1 -> MessageBodies.write(inner, "alternative", text);
            default -> MessageBodies.write(inner, "mixed-attachments", text);
        }
        byte[] part = inner.toByteArray();
        byte[] content = Arrays.copyOf(part, part.length - 2);
        String boundary = "signed-" + text.between(100_000, 999_999);
        if (kind == Signature.SMIME) {
            w.header("Content-Type", "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;\r\n\tboundary=\""
                    + boundary + "\"").blank().line("This is a cryptographically signed message in MIME format.").blank();
            w.line("--" + boundary).raw(part);
            w.line("--" + boundary).header("Content-Type", "application/pkcs7-signature; name=\"smime.p7s\"")
                    .header("Content-Transfer-Encoding", "base64").header("Content-Disposition", "attachment; filename=\"smime.p7s\"")
                    .header("Content-Description", "S/MIME Cryptographic Signature").blank()
                    .raw(TextSource.base64Lines(SmimeSignature.sign(content, keys)));
        } else {
            w.header("Content-Type", "multipart/signed; micalg=pgp-sha256;\r\n\tprotocol=\"application/pgp-signature\"; boundary=\""
                    + boundary + "\"").blank().line("This is an OpenPGP/MIME signed message (RFC 4880 and 3156)").blank();
            w.line("--" + boundary).raw(part);
            w.line("--" + boundary).header("Content-Type", "application/pgp-signature; name=\"signature.asc\"")
                    .header("Content-Description", "OpenPGP digital signature")
                    .header("Content-Disposition", "attachment; filename=\"signature.asc\"").blank()
                    .raw(PgpSignature.sign(content, keys));
        }
        w.line("--" + boundary + "--");
    }

    /** A PNG signature and IHDR-like start, then filler: enough to look like an image to a sniffer. */
    private static byte[] png(TextSource text, int octets) {
        byte[] b = text.bytes(octets);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }
}
