package sempgw.agent.mime;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MIME charset names to Java charsets (RFC 2046 §4.1.2, IANA registry): the JVM's own names and
 * aliases first, then Jakarta Mail's table of MIME aliases the JVM lacks.
 *
 * <p>Reading text, a label whose mail is commonly written in a wider charset is read with that
 * one when the declared charset cannot read the bytes, as mail readers and browsers do (WHATWG
 * Encoding Standard, §4.2 labels): Windows writes "ISO-8859-1" over windows-1252 quotes, dashes
 * and euro signs in 0x80-0x9F, Chinese mail labelled GB2312 holds GBK characters, Korean EUC-KR
 * mail windows-949 syllables, Japanese Shift_JIS mail the NEC and IBM rows of windows-31j.
 */
public final class Charsets {
    private static final Map<Charset, Charset> WIDER = wider(Map.of(
            "ISO-8859-1", "windows-1252", "ISO-8859-9", "windows-1254", "TIS-620", "x-windows-874",
            "x-iso-8859-11", "x-windows-874", "GB2312", "GBK", "EUC-KR", "x-windows-949",
            "Shift_JIS", "windows-31j", "Big5", "Big5-HKSCS"));

    /** A text and the charset it was read with. */
    public record Decoded(String text, Charset charset) {
    }

    private Charsets() {
    }

    /**
     * {@code bytes} read as {@code declared}, or as its wider charset when the declared one
     * cannot read them: it gives U+FFFD or a C1 control, which no mail means to send.
     */
    public static Decoded decode(byte[] bytes, Charset declared) {
        String text = new String(bytes, declared);
        Charset wider = WIDER.get(declared);
        if (wider == null || !misread(text)) {
            return new Decoded(text, declared);
        }
        return new Decoded(new String(bytes, wider), wider);
    }

    private static boolean misread(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c >= 0x80 && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Charset, Charset> wider(Map<String, String> names) {
        Map<Charset, Charset> out = new HashMap<>();
        names.forEach((label, wider) -> lookup(label).ifPresent(l -> lookup(wider).ifPresent(w -> out.put(l, w))));
        return Map.copyOf(out);
    }

    /** The charset named {@code mimeName}, or empty when this JVM does not support it. */
    public static Optional<Charset> forMime(String mimeName) {
        String name = mimeName.strip();
        int star = name.indexOf('*');
        if (star >= 0) {
            name = name.substring(0, star);
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Charset> direct = lookup(name);
        return direct.isPresent() ? direct : lookup(MimeUtility.javaCharset(name));
    }

    private static Optional<Charset> lookup(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
