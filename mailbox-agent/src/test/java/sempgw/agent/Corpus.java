package sempgw.agent;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * The varied messages of the round-trip tests: hand-written ones for exact shapes, and ones
 * written by Jakarta Mail, a real encoder whose output the fidelity recipes must match.
 */
final class Corpus {
    static final String RCPT = "bob@peer.example";
    private static final String HEAD = "From: Alice Example <alice@corp.example>\r\nTo: Bob <bob@peer.example>\r\n"
            + "Subject: Quarterly numbers\r\nDate: Sun, 8 Jun 2025 12:00:00 +0200\r\nMessage-ID: <m1@corp.example>\r\nMIME-Version: 1.0\r\n";

    /** A named message and the envelope recipient it is for. */
    record Sample(String name, byte[] mime) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {
    }

    static List<Sample> all() {
        List<Sample> s = new ArrayList<>();
        s.add(new Sample("plain-ascii", bytes(HEAD + "Content-Type: text/plain; charset=us-ascii\r\n\r\nHello Bob,\r\n\r\nsee you.\r\n")));
        s.add(new Sample("utf8-8bit-flowed", bytes(HEAD + "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße aus Köln, ein längerer Absatz der umgebrochen \r\nwird. "
                + "Ça va? 日本語もあります。\r\n-- \r\nAlice\r\n")));
        s.add(new Sample("qp-latin1-jakarta", jakartaText("Grüße aus Köln! ".repeat(12) + "\nZeile zwei mit Umlauten: äöü ÄÖÜ ß\n", "iso-8859-1", "plain")));
        s.add(new Sample("html-only-jakarta", jakartaText("<html><body><p>Gr\u00fc\u00dfe, <b>Bob</b> \u2014 " + "x".repeat(90)
                + "</p></body></html>\n", "utf-8", "html")));
        s.add(new Sample("alternative-jakarta", jakartaAlternative()));
        s.add(new Sample("related-inline-image", jakartaRelated()));
        s.add(new Sample("mixed-attachments-jakarta", jakartaMixed()));
        s.add(new Sample("utf8-headers-smtputf8", bytes("From: Jürgen Müller <jürgen@corp.example>\r\nTo: 用户 <用户@peer.example>, Bob <bob@peer.example>\r\n"
                + "Subject: =?UTF-8?B?w5xiZXJzaWNodCDigJQg?= =?UTF-8?Q?Q2_=E2=82=AC?=\r\nDate: Sun, 8 Jun 2025 12:00:00 +0000\r\n"
                + "Message-ID: <m8@corp.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nÜbersicht anbei: 5 € pro Stück.\r\n")));
        s.add(new Sample("calendar-invitation", calendar()));
        s.add(new Sample("smime-signed", smimeSigned()));
        s.add(new Sample("pgp-mime-signed", pgpSigned()));
        s.add(new Sample("forwarded-rfc822", bytes(HEAD + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n--outer\r\n"
                + "Content-Type: text/plain\r\n\r\nForwarding the thread below.\r\n--outer\r\nContent-Type: message/rfc822\r\n"
                + "Content-Disposition: attachment; filename=\"thread.eml\"\r\n\r\nFrom: carol@else.example\r\nSubject: inner\r\n"
                + "Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n--inner\r\nContent-Type: text/plain\r\n\r\n"
                + "inner text\r\n--inner\r\nContent-Type: text/html\r\n\r\n<p>inner</p>\r\n--inner--\r\n\r\n--outer--\r\n")));
        s.add(new Sample("preamble-epilogue-padding", bytes(HEAD + "Content-Type: multipart/mixed;\r\n boundary=\"b1\"\r\n\r\n"
                + "This is a preamble.\r\n\r\n--b1   \r\nContent-Type: text/plain\r\n\r\nbody one\r\n\r\n--b1\t\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAECAwQF\r\n--b1--  \r\n"
                + "epilogue here\r\nand more")));
        s.add(new Sample("irregular-base64", bytes(HEAD + "Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n--b2\r\n"
                + "Content-Type: text/plain\r\n\r\nsee attachment\r\n--b2\r\nContent-Type: application/pdf; name=\"r.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\nJVBERi0xLjQKJVBERi0x\r\nLjQK\r\n--b2--\r\n")));
        s.add(new Sample("invalid-utf8-body-and-header", concat(bytes("From: alice@corp.example\r\nTo: bob@peer.example\r\n"
                + "Date: Sun, 8 Jun 2025 12:00:00 +0000\r\nMessage-ID: <m15@corp.example>\r\nSubject: caf"),
                new byte[] {(byte) 0xe9}, bytes(" raw\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nna"),
                new byte[] {(byte) 0xef, 'v', 'e'}, bytes("\r\n"))));
        s.add(new Sample("trace-and-signatures", bytes("Return-Path: <alice@corp.example>\r\nReceived: from mua by mx.corp.example\r\n"
                + "\twith ESMTPSA id 1; Sun, 8 Jun 2025 12:00:01 +0200\r\nAuthentication-Results: mx.corp.example; dkim=pass\r\n"
                + "DKIM-Signature: v=1; a=rsa-sha256; d=corp.example; s=s1; h=from:to:subject;\r\n bh=abc=; b=def=\r\n"
                + HEAD + "Bcc: secret@peer.example\r\nSEMP-Require: yes\r\nSEMP-Verification: origin=semp; seal=pass; "
                + "sender-signature=pass; sender-domain=bank.example\r\nX-Mailer: test\r\n\r\nbody\r\n")));
        s.add(new Sample("pkcs7-enveloped", bytes(HEAD + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=smime.p7m\r\n\r\n"
                + Signatures.base64Lines(random(3000, 7)))));
        s.add(new Sample("controls-and-binary", concat(bytes(HEAD + "Content-Type: multipart/mixed; boundary=\"c\"\r\n\r\n--c\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nnul\0 bell\u0007 del\u007f \u2028 <&>\r\n"
                + "--c\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"),
                new byte[] {0, (byte) 0xff, (byte) 0xfe, 13, 10, 1, (byte) 0x80}, bytes("\r\n--c\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nraw\u0000text\r\n--c--\r\n"))));
        return s;
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] smimeSigned() {
        String content = "Content-Type: multipart/mixed; boundary=\"sc\"\r\n\r\n--sc\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nSigned text, caf=C3=A9.\r\n--sc\r\n"
                + "Content-Type: application/pdf; name=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"report.pdf\"\r\n\r\n" + Signatures.base64Lines(random(60_000, 3)) + "--sc--\r\n";
        byte[] sig = Signatures.smimeSign(bytes(content));
        return bytes(HEAD.replace("MIME-Version: 1.0\r\n", "") + "MIME-Version: 1.0\r\nContent-Type: multipart/signed; "
                + "protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"sig\"\r\n\r\n"
                + "This is an S/MIME signed message\r\n--sig\r\n" + content + "\r\n--sig\r\n"
                + "Content-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=smime.p7s\r\n\r\n" + Signatures.base64Lines(sig) + "\r\n--sig--\r\n");
    }

    private static byte[] pgpSigned() {
        String content = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "PGP signed, na=C3=AFve text.\r\nFrom the start of a line.\r\n";
        String sig = Signatures.pgpSign(bytes(content));
        return bytes(HEAD + "Content-Type: multipart/signed; micalg=pgp-sha256;\r\n protocol=\"application/pgp-signature\"; "
                + "boundary=\"pgp\"\r\n\r\nThis is an OpenPGP/MIME signed message (RFC 4880 and 3156)\r\n--pgp\r\n" + content
                + "\r\n--pgp\r\nContent-Type: application/pgp-signature; name=\"signature.asc\"\r\n"
                + "Content-Description: OpenPGP digital signature\r\nContent-Disposition: attachment; filename=\"signature.asc\"\r\n\r\n"
                + sig + "\r\n--pgp--\r\n");
    }

    private static byte[] calendar() {
        String ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nPRODID:-//corp//EN\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                + "UID:evt-1@corp.example\r\nDTSTART:20250610T090000Z\r\nDTEND:20250610T100000Z\r\nSUMMARY:Planning Ü\r\n"
                + "ORGANIZER:mailto:alice@corp.example\r\nATTENDEE;RSVP=TRUE:mailto:bob@peer.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        String b64 = Signatures.base64Lines(bytes(ics));
        return bytes(HEAD.replace("Quarterly numbers", "Invitation: Planning") + "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n"
                + "--m\r\nContent-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "You are invited.\r\n--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>You are invited.</p>\r\n--a\r\n"
                + "Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64
                + "--a--\r\n\r\n--m\r\nContent-Type: application/ics; name=\"invite.ics\"\r\nContent-Disposition: attachment; "
                + "filename=\"invite.ics\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64 + "--m--\r\n");
    }

    private static MimeMessage jakarta() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<jm@corp.example>");
            }
        };
        m.setFrom(new InternetAddress("alice@corp.example", "Alice Example", "UTF-8"));
        m.setRecipients(MimeMessage.RecipientType.TO, "Bob <bob@peer.example>");
        m.setSubject("Zusammenfassung für Bob", "UTF-8");
        m.setSentDate(new Date(1749376800000L));
        return m;
    }

    private static byte[] write(MimeMessage m) throws Exception {
        m.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] jakartaText(String text, String charset, String subtype) {
        try {
            MimeMessage m = jakarta();
            m.setText(text, charset, subtype);
            return write(m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MimeMultipart alternative() throws Exception {
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Hallo Bob,\nhier die Zahlen für Q2: 5 € mehr.\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Hallo Bob,</p><p>hier die Zahlen f\u00fcr Q2: 5 \u20ac mehr.</p>\n", "UTF-8", "html");
        alt.addBodyPart(plain);
        alt.addBodyPart(html);
        return alt;
    }

    private static byte[] jakartaAlternative() {
        try {
            MimeMessage m = jakarta();
            m.setContent(alternative());
            return write(m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] jakartaRelated() {
        try {
            MimeMessage m = jakarta();
            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart html = new MimeBodyPart();
            html.setText("<p>Logo: <img src=\"cid:logo@corp.example\"></p>\n", "UTF-8", "html");
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new DataHandler(new ByteArrayDataSource(random(4000, 11), "image/png")));
            image.setContentID("<logo@corp.example>");
            image.setDisposition("inline");
            image.setFileName("logo.png");
            related.addBodyPart(html);
            related.addBodyPart(image);
            m.setContent(related);
            return write(m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] jakartaMixed() {
        try {
            MimeMessage m = jakarta();
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative());
            MimeBodyPart pdf = new MimeBodyPart();
            pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(random(50_000, 5), "application/pdf")));
            pdf.setFileName("Übersicht Q2.pdf");
            MimeBodyPart csv = new MimeBodyPart();
            csv.setText("a;b\n1;2\n", "UTF-8");
            csv.setFileName("numbers.csv");
            csv.setDisposition("attachment");
            mixed.addBodyPart(body);
            mixed.addBodyPart(pdf);
            mixed.addBodyPart(csv);
            m.setContent(mixed);
            return write(m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
