package sempgw.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sempgw.e2e.smtp.Envelope;

/**
 * The corpus of the bridge test (SMTP into gateway A, SEMP to gateway B, SMTP out), generated
 * from a seed: plain, HTML, multipart/alternative, multipart/related with inline images,
 * attachments (a few large ones, up to 20 MiB), 8-bit bodies, UTF-8 headers and addresses
 * (RFC 6531, RFC 6532), RFC 2047 encoded words, calendar invitations, S/MIME and PGP/MIME signed
 * messages, replies with In-Reply-To and References, and a multipart whose boundary never
 * appears (a list footer tool rewrote it: mail readers show it as text); Cc, Reply-To and Bcc
 * (in the header, and envelope-only) along the way. Every sender is a mailbox at {@link #ALPHA}, every recipient one
 * at {@link #BETA}. The Subject carries {@code [<test id>]}, which is how a delivered copy is
 * matched to what was sent (the gateway keeps user-visible headers, not necessarily others).
 */
public final class BridgeCorpus {
    public static final String ALPHA = "alpha.test";
    public static final String BETA = "beta.test";
    /** The senders, each a provisioned mailbox at gateway A. */
    public static final List<String> SENDERS = List.of("alice@alpha.test", "dave@alpha.test", "élodie@alpha.test");
    /** The recipients, each a provisioned mailbox at gateway B. */
    public static final List<String> RECIPIENTS = List.of("bob@beta.test", "carol@beta.test", "frank@beta.test", "grace@beta.test",
            "josé@beta.test", "用户@beta.test");
    /** The kinds, in the order they cycle through the corpus. */
    public static final List<String> KINDS = List.of("plain", "html", "alternative", "related", "attachments", "8bit-body",
            "utf8-headers", "utf8-addresses", "encoded-words", "calendar", "smime-signed", "pgp-signed", "reply", "broken-multipart");
    /** The large attachments, in octets, and where they go (as fractions of the corpus). */
    static final int[] LARGE_OCTETS = {20 * 1024 * 1024, 8 * 1024 * 1024, 3 * 1024 * 1024};
    private static final Pattern TEST_ID = Pattern.compile("\\[(bridge-\\d{3})\\]");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final List<ZoneOffset> ZONES = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHoursMinutes(5, 30));

    private BridgeCorpus() {
    }

    /** {@code count} messages; three of them, a quarter, half and three quarters through, carry the large attachments. */
    public static List<TestMessage> generate(long seed, int count) {
        List<TestMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(seed, i, kindAt(i, count)));
        }
        return messages;
    }

    static String kindAt(int index, int count) {
        for (int l = 0; l < LARGE_OCTETS.length; l++) {
            if (count >= 8 && index == count * (l + 1) / 4) {
                return "large-" + l;
            }
        }
        return KINDS.get(index % KINDS.size());
    }

    /** The test id in a (decoded) Subject, if it has one. */
    public static java.util.Optional<String> testIdIn(String subject) {
        Matcher m = TEST_ID.matcher(subject == null ? "" : subject);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    public static String messageId(long seed, int index) {
        return "<bridge-" + String.format("%03d", index) + "." + Long.toHexString(seed) + "@alpha.test>";
    }

    /** The message at {@code index}, of the given kind (one of {@link #KINDS} or {@code large-0..2}). */
    public static TestMessage message(long seed, int index, String kind) {
        TextSource text = new TextSource(seed * 1_000_033L + index);
        String id = String.format("bridge-%03d", index);
        boolean utf8Addresses = kind.equals("utf8-addresses");
        String sender = utf8Addresses ? "élodie@alpha.test" : index % 4 == 3 ? "dave@alpha.test" : "alice@alpha.test";
        String to = utf8Addresses ? (index / KINDS.size() % 2 == 0 ? "josé@beta.test" : "用户@beta.test") : index % 5 == 4 ? "frank@beta.test" : "bob@beta.test";
        String cc = index % 4 == 1 ? "carol@beta.test" : null;
        String headerBcc = index % 10 == 7 ? "grace@beta.test" : null;
        String envelopeBcc = index % 10 == 3 ? "grace@beta.test" : null;
        MessageWriter w = new MessageWriter(kind.startsWith("large-") ? 28 * 1024 * 1024 : 16 * 1024);
        w.header("Message-ID", messageId(seed, index));
        w.header("X-Test-Id", id);
        w.header("Date", ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC).plusMinutes(index)
                .withZoneSameInstant(ZONES.get(index % ZONES.size())).format(DATE));
        w.header("From", from(kind, sender));
        w.header("To", to(kind, to));
        if (cc != null) {
            w.header("Cc", "Carol Example <" + cc + ">");
        }
        if (headerBcc != null) {
            w.header("Bcc", headerBcc);
        }
        if (index % 5 == 2) {
            w.header("Reply-To", "Team Alpha <team@alpha.test>");
        }
        w.header("Subject", subject(kind, text, id));
        threading(w, seed, index, kind, text);
        w.header("MIME-Version", "1.0");
        boolean eightBit = body(w, kind, text, id, sender, to, seed);
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(to);
        if (cc != null) {
            recipients.add(cc);
        }
        if (headerBcc != null) {
            recipients.add(headerBcc);
        }
        if (envelopeBcc != null) {
            recipients.add(envelopeBcc);
        }
        boolean smtpUtf8 = utf8Addresses || kind.equals("utf8-headers");
        return new TestMessage(id, kind, new Envelope(sender, List.copyOf(recipients), eightBit, smtpUtf8), w.toByteArray());
    }

    private static boolean body(MessageWriter w, String kind, TextSource text, String id, String sender, String to, long seed) {
        switch (kind) {
            case "plain", "encoded-words", "reply" -> MessageBodies.write(w, "plain-ascii", text);
            case "html", "alternative", "8bit-body", "utf8-headers" -> {
                return MessageBodies.write(w, kind, text);
            }
            case "utf8-addresses" -> {
                return MessageBodies.write(w, "utf8-addresses", text);
            }
            case "attachments" -> MessageBodies.write(w, "mixed-attachments", text);
            case "related" -> BridgeBodies.related(w, text, id);
            case "calendar" -> BridgeBodies.calendar(w, text, id, sender, to);
            case "broken-multipart" -> BridgeBodies.brokenMultipart(w, text);
            case "smime-signed" -> BridgeBodies.signed(w, text, BridgeBodies.Signature.SMIME, SigningKeys.forSeed(seed, sender));
            case "pgp-signed" -> BridgeBodies.signed(w, text, BridgeBodies.Signature.PGP, SigningKeys.forSeed(seed, sender));
            default -> {
                if (!kind.startsWith("large-")) {
                    throw new IllegalArgumentException("unknown kind " + kind);
                }
                BridgeBodies.largeAttachment(w, text, LARGE_OCTETS[kind.charAt(6) - '0']);
            }
        }
        return false;
    }

    /** Replies refer to earlier messages of the corpus and to a thread that started on plain SMTP; a third of the rest has References. */
    private static void threading(MessageWriter w, long seed, int index, String kind, TextSource text) {
        if (kind.equals("reply") && index > 0) {
            int parent = text.between(Math.max(0, index - 20), index - 1);
            w.header("In-Reply-To", messageId(seed, parent));
            w.header("References", "<root." + index + "@legacy.example>\r\n " + messageId(seed, Math.max(0, parent - 1)) + "\r\n "
                    + messageId(seed, parent));
        } else if (index % 3 == 0) {
            w.header("References", "<a" + index + "@thread.example>\r\n\t<b" + index + "@thread.example>");
        }
    }

    private static String from(String kind, String sender) {
        return switch (kind) {
            case "encoded-words" -> "=?ISO-8859-1?Q?Andr=E9_Fran=E7ois?= <" + sender + ">";
            case "utf8-headers" -> "Zoë Ångström <" + sender + ">";
            case "utf8-addresses" -> "Élodie Müller <" + sender + ">";
            default -> "\"Example, Alice\" <" + sender + ">";
        };
    }

    private static String to(String kind, String to) {
        return switch (kind) {
            case "encoded-words" -> "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("Bøb Ëxample".getBytes(StandardCharsets.UTF_8))
                    + "?= <" + to + ">";
            case "utf8-headers", "utf8-addresses" -> "Jürgen Ünïcode <" + to + ">";
            default -> "Bob <" + to + ">";
        };
    }

    private static String subject(String kind, TextSource text, String id) {
        return switch (kind) {
            case "encoded-words" -> TextSource.encodedWordB(text.pick(TextSource.UTF8_PHRASES)) + "\r\n "
                    + TextSource.encodedWordB(text.pick(TextSource.UTF8_PHRASES)) + " [" + id + "]";
            case "utf8-headers", "utf8-addresses" -> text.pick(TextSource.UTF8_PHRASES) + " — " + text.words(3) + " [" + id + "]";
            case "reply" -> "Re: " + text.words(text.between(2, 6)) + " [" + id + "]";
            case "calendar" -> "Invitation: " + text.words(3) + " [" + id + "]";
            default -> text.words(text.between(3, 9)) + " [" + id + "]";
        };
    }
}
