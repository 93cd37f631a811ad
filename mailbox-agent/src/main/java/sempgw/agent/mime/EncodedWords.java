package sempgw.agent.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words. Decoding follows §6: a word in an unknown charset or with a bad
 * encoding is left as written (§6.3), and whitespace between two adjacent encoded words is
 * dropped (§6.2). Adjacent words in one charset are decoded as one byte sequence: §5 forbids
 * splitting a character across words, but encoders that cut at a fixed number of bytes do it,
 * and mail readers join the pieces. Encoding writes UTF-8 "B" words of at most 75 characters
 * (§2), split on code point boundaries and folded with CRLF SP.
 */
public final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final int MAX_CHUNK_BYTES = 45;

    private EncodedWords() {
    }

    /** One decodable word: its charset and the bytes it encodes. */
    private record Word(Charset charset, byte[] bytes) {
    }

    /** {@code text} with every decodable encoded word replaced by its text. */
    public static String decode(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        Charset runCharset = null;
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            Optional<Word> word = word(m.group(1), m.group(2), m.group(3));
            boolean adjacent = runCharset != null && word.isPresent() && between.isBlank();
            if (!adjacent || !word.get().charset().equals(runCharset)) {
                flush(run, runCharset, out);
                runCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            if (word.isPresent()) {
                run.writeBytes(word.get().bytes());
                runCharset = word.get().charset();
            } else {
                out.append(m.group());
            }
            last = m.end();
        }
        flush(run, runCharset, out);
        return out.append(text, last, text.length()).toString();
    }

    private static void flush(ByteArrayOutputStream run, Charset charset, StringBuilder out) {
        if (charset != null) {
            out.append(Charsets.decode(run.toByteArray(), charset).text());
        }
        run.reset();
    }

    private static Optional<Word> word(String charsetName, String encoding, String encoded) {
        Optional<Charset> charset = Charsets.forMime(charsetName);
        if (charset.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = encoding.equalsIgnoreCase("B") ? Base64.getDecoder().decode(encoded) : qDecode(encoded);
            return Optional.of(new Word(charset.get(), bytes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] qDecode(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out[n++] = ' ';
            } else if (c == '=') {
                int h = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int l = h >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (l < 0) {
                    throw new IllegalArgumentException("bad Q escape");
                }
                out[n++] = (byte) (h * 16 + l);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** True when {@code text} must be encoded to stand in a header: non-ASCII, controls or {@code =?}. */
    public static boolean needsEncoding(String text) {
        if (text.contains("=?")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 127 || (c < ' ' && c != '\t')) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} as UTF-8 B encoded words separated by CRLF SP (RFC 2047 §2, §5). */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            int bytes = 0;
            while (j < text.length()) {
                int cp = text.codePointAt(j);
                int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + len > MAX_CHUNK_BYTES) {
                    break;
                }
                bytes += len;
                j += Character.charCount(cp);
            }
            if (!out.isEmpty()) {
                out.append("\r\n ");
            }
            out.append("=?utf-8?B?")
                    .append(Base64.getEncoder().encodeToString(text.substring(i, j).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            i = j;
        }
        return out.toString();
    }
}
