package sempgw.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Deterministic filler: words, paragraphs, UTF-8 phrases, encoded parts. One instance per message. */
final class TextSource {
    private static final List<String> WORDS = List.of("queue", "relay", "envelope", "sealed", "postmark", "domain",
            "recipient", "delivery", "receipt", "gateway", "mailbox", "handshake", "session", "transport", "archive",
            "invoice", "meeting", "schedule", "quarterly", "report", "draft", "review", "budget", "travel", "notes",
            "the", "a", "of", "and", "to", "in", "for", "with", "on", "at", "by", "from", "is", "was", "will");
    static final List<String> UTF8_PHRASES = List.of("Grüße aus Köln", "naïve café crème brûlée", "Ελληνικά γράμματα",
            "日本語のテキスト", "Русский текст", "中文邮件测试", "עברית מימין לשמאל", "emoji 📬 ✉️ 🔐",
            "Ünïcödé ßtraße", "Ærøskøbing på Ærø");
    static final List<String> LATIN1_PHRASES = List.of("déjà vu à Genève", "señor Muñoz", "Åse Øvrebø", "Straße nach Köln");
    private final Random random;

    TextSource(long seed) {
        this.random = new Random(seed);
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    String words(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(pick(WORDS));
        }
        return sb.toString();
    }

    /** Paragraphs of ASCII words wrapped at about 72 columns, separated by blank lines. */
    String paragraphs(int count) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < count; p++) {
            int col = 0;
            for (int w = between(20, 80); w > 0; w--) {
                String word = pick(WORDS);
                if (col + word.length() + 1 > 72) {
                    sb.append('\n');
                    col = 0;
                } else if (col > 0) {
                    sb.append(' ');
                    col++;
                }
                sb.append(word);
                col += word.length();
            }
            sb.append(p + 1 < count ? "\n\n" : "\n");
        }
        return sb.toString();
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Base64 in 76-column lines, each ending with CRLF (RFC 2045 §6.8). */
    static byte[] base64Lines(byte[] data) {
        byte[] encoded = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encode(data);
        byte[] withEnd = new byte[encoded.length + 2];
        System.arraycopy(encoded, 0, withEnd, 0, encoded.length);
        withEnd[encoded.length] = '\r';
        withEnd[encoded.length + 1] = '\n';
        return withEnd;
    }

    /** An RFC 2047 encoded word in the B encoding. */
    static String encodedWordB(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** Quoted-printable (RFC 2045 §6.7) of UTF-8 text; lines end with CRLF, soft breaks keep them under 77 columns. */
    static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int col = 0;
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean last = i == bytes.length - 1;
                String piece = b == '=' || b > 126 || b < 32 && b != '\t' || last && (b == ' ' || b == '\t')
                        ? String.format("=%02X", b) : String.valueOf((char) b);
                if (col + piece.length() > 75) {
                    out.append("=\n");
                    col = 0;
                }
                out.append(piece);
                col += piece.length();
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
