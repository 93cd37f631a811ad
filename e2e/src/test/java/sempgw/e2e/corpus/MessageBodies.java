package sempgw.e2e.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The MIME structure and body of each corpus kind: writes the content headers, the blank line and the body. */
final class MessageBodies {

    private MessageBodies() {
    }

    /** @return true when the body holds 8-bit octets (sent with BODY=8BITMIME) */
    static boolean write(MessageWriter w, String kind, TextSource text) {
        switch (kind) {
            case "plain-ascii", "rfc2047-headers" -> {
                w.header("Content-Type", "text/plain; charset=us-ascii").header("Content-Transfer-Encoding", "7bit").blank();
                w.text(awkwardAscii(text), StandardCharsets.US_ASCII);
                return false;
            }
            case "html" -> {
                w.header("Content-Type", "text/html; charset=us-ascii").blank();
                w.text(html(text), StandardCharsets.US_ASCII);
                return false;
            }
            case "alternative" -> {
                alternative(w, text, "alt-" + text.between(1000, 9999));
                return false;
            }
            case "mixed-attachments" -> {
                mixed(w, text, text.between(1, 3), 1024, 300 * 1024);
                return false;
            }
            case "large-attachment" -> {
                mixed(w, text, 1, RelayCorpus.LARGE_ATTACHMENT_OCTETS, RelayCorpus.LARGE_ATTACHMENT_OCTETS);
                return false;
            }
            case "8bit-body" -> {
                boolean latin1 = text.between(0, 1) == 0;
                Charset cs = latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
                String phrase = text.pick(latin1 ? TextSource.LATIN1_PHRASES : TextSource.UTF8_PHRASES);
                w.header("Content-Type", "text/plain; charset=" + (latin1 ? "iso-8859-1" : "utf-8"))
                        .header("Content-Transfer-Encoding", "8bit").blank();
                w.text(phrase + "\n\n" + text.paragraphs(2) + phrase + "\n", cs);
                return true;
            }
            case "utf8-headers", "utf8-addresses" -> {
                w.header("Content-Type", "text/plain; charset=utf-8").header("Content-Transfer-Encoding", "8bit").blank();
                w.text(text.pick(TextSource.UTF8_PHRASES) + "\n\n" + text.paragraphs(2), StandardCharsets.UTF_8);
                return true;
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /** ASCII text with the lines relays are tempted to touch: leading dots, "From ", trailing blanks, long lines. */
    private static String awkwardAscii(TextSource text) {
        return text.paragraphs(text.between(1, 3))
                + "\n.\n..two leading dots\n. a dot and a space\nFrom the beginning of a line\n>From quoted\n"
                + "trailing blanks   \n\ttab-indented line\n\n\n"
                + "x".repeat(text.between(900, 990)) + "\n"
                + text.paragraphs(1)
                + "-- \nsignature\n";
    }

    private static String html(TextSource text) {
        return "<!DOCTYPE html>\n<html><head><title>" + text.words(4) + "</title></head>\n<body>\n<p>"
                + text.paragraphs(2).replace("\n\n", "</p>\n<p>") + "</p>\n<p>.leading dot in html</p>\n</body></html>\n";
    }

    private static void alternative(MessageWriter w, TextSource text, String boundary) {
        w.header("Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"").blank();
        w.line("This is a multi-part message in MIME format.").blank();
        String plain = text.pick(TextSource.UTF8_PHRASES) + " = " + text.paragraphs(1);
        w.line("--" + boundary)
                .header("Content-Type", "text/plain; charset=utf-8").header("Content-Transfer-Encoding", "quoted-printable").blank()
                .text(TextSource.quotedPrintable(plain), StandardCharsets.US_ASCII);
        w.line("--" + boundary)
                .header("Content-Type", "text/html; charset=utf-8").header("Content-Transfer-Encoding", "quoted-printable").blank()
                .text(TextSource.quotedPrintable("<html><body><p>" + plain + "</p></body></html>"), StandardCharsets.US_ASCII);
        w.line("--" + boundary + "--").blank();
    }

    private static void mixed(MessageWriter w, TextSource text, int attachments, int minOctets, int maxOctets) {
        String boundary = "mixed-" + text.between(1000, 9999);
        w.header("Content-Type", "multipart/mixed; boundary=" + boundary).blank();
        w.line("--" + boundary);
        if (text.between(0, 1) == 0) {
            alternative(w, text, "inner-" + text.between(1000, 9999));
        } else {
            w.header("Content-Type", "text/plain; charset=us-ascii").blank().text(text.paragraphs(2), StandardCharsets.US_ASCII);
        }
        for (int a = 0; a < attachments; a++) {
            w.line("--" + boundary);
            switch (a % 3) {
                case 0 -> w.header("Content-Type", "application/octet-stream; name=\"data-" + a + ".bin\"")
                        .header("Content-Disposition", "attachment; filename=\"data-" + a + ".bin\"");
                case 1 -> w.header("Content-Type", "application/pdf")
                        .header("Content-Disposition", "attachment;\r\n filename*=UTF-8''r%C3%A9sum%C3%A9-" + a + ".pdf");
                default -> w.header("Content-Type", "image/png").header("Content-Disposition", "inline; filename=\"pixel.png\"");
            }
            w.header("Content-Transfer-Encoding", "base64").blank();
            w.raw(TextSource.base64Lines(text.bytes(text.between(minOctets, maxOctets))));
        }
        w.line("--" + boundary + "--");
    }
}
