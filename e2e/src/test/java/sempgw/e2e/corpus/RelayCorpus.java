package sempgw.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sempgw.e2e.smtp.Envelope;

/**
 * The varied corpus of the relay test, generated from a seed (no big files in git): plain
 * ASCII, HTML, multipart/alternative, multipart/mixed with attachments, 8-bit bodies
 * (RFC 6152), RFC 2047 encoded headers, raw UTF-8 headers (RFC 6532) and UTF-8 addresses
 * (RFC 6531), plus one message with a 20 MiB attachment.
 */
public final class RelayCorpus {
    /** The kinds, in the order they cycle through the corpus. */
    public static final List<String> KINDS = List.of("plain-ascii", "html", "alternative", "mixed-attachments",
            "8bit-body", "rfc2047-headers", "utf8-headers", "utf8-addresses");
    public static final int LARGE_ATTACHMENT_OCTETS = 20 * 1024 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private RelayCorpus() {
    }

    /** {@code count} messages; the one at index {@code count / 2} carries the 20 MiB attachment. */
    public static List<TestMessage> generate(long seed, int count) {
        List<TestMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = i == count / 2 ? "large-attachment" : KINDS.get(i % KINDS.size());
            messages.add(message(seed, i, kind));
        }
        return messages;
    }

    /** The message at {@code index}, of the given kind (one of {@link #KINDS} or "large-attachment"). */
    public static TestMessage message(long seed, int index, String kind) {
        TextSource text = new TextSource(seed * 1_000_003L + index);
        String id = String.format("relay-%03d", index);
        boolean utf8Addresses = kind.equals("utf8-addresses");
        String sender = utf8Addresses ? "élodie.müller@expéditeur.example" : "alice" + index + "@sender.example";
        List<String> recipients = new ArrayList<>();
        recipients.add(utf8Addresses ? text.pick(List.of("δοκιμή@παράδειγμα.example", "用户" + index + "@例子.example",
                "josé" + index + "@correo.example")) : "bob" + index + "@example.net");
        if (kind.equals("mixed-attachments") && index % 2 == 1) {
            recipients.add("carol" + index + "@example.org");
        }
        MessageWriter w = new MessageWriter(kind.equals("large-attachment") ? 28 * 1024 * 1024 : 16 * 1024);
        w.header("Message-ID", "<" + id + "." + Long.toHexString(seed) + "@e2e.sempgw.test>");
        w.header("X-Test-Id", id);
        w.header("Date", ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC).plusMinutes(index).format(DATE));
        w.header("From", from(kind, sender));
        w.header("To", recipients.size() == 1 ? recipients.getFirst() : recipients.getFirst() + ",\r\n\t" + recipients.get(1));
        w.header("Subject", subject(kind, text, id));
        if (index % 3 == 0) {
            w.header("References", "<a" + index + "@thread.example>\r\n <b" + index + "@thread.example>\r\n\t<c"
                    + index + "@thread.example>");
        }
        w.header("MIME-Version", "1.0");
        boolean eightBit = MessageBodies.write(w, kind, text);
        boolean smtpUtf8 = kind.equals("utf8-headers") || utf8Addresses;
        return new TestMessage(id, kind, new Envelope(sender, recipients, eightBit, smtpUtf8), w.toByteArray());
    }

    private static String from(String kind, String sender) {
        return switch (kind) {
            case "rfc2047-headers" -> "=?ISO-8859-1?Q?Andr=E9_Fran=E7ois?= <" + sender + ">";
            case "utf8-headers" -> "Zoë Ångström <" + sender + ">";
            case "utf8-addresses" -> "Élodie Müller <" + sender + ">";
            default -> "Alice Example <" + sender + ">";
        };
    }

    private static String subject(String kind, TextSource text, String id) {
        return switch (kind) {
            case "rfc2047-headers" -> TextSource.encodedWordB(text.pick(TextSource.UTF8_PHRASES)) + "\r\n "
                    + TextSource.encodedWordB(text.pick(TextSource.UTF8_PHRASES) + " " + id);
            case "utf8-headers", "utf8-addresses" -> text.pick(TextSource.UTF8_PHRASES) + " — " + id;
            default -> text.words(text.between(3, 9)) + " " + id;
        };
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
