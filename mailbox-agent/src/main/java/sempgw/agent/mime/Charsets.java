package sempgw.agent.mime;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * MIME charset names to Java charsets (RFC 2046 §4.1.2, IANA registry): the JVM's own names and
 * aliases first, then Jakarta Mail's table of MIME aliases the JVM lacks.
 */
public final class Charsets {
    private Charsets() {
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
