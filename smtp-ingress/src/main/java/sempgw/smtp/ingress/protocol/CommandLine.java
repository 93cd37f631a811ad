package sempgw.smtp.ingress.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks one command line as it arrived, before any command sees it. Steps, in order:
 * <ol>
 * <li>it ends in CRLF, or in a bare LF as Postfix's default ({@code smtpd_forbid_bare_newline =
 *     normal}) allows, and holds no other CR or LF (RFC 5321 §2.3.8) -> 500 5.5.2;</li>
 * <li>no NUL -> 500 5.5.2;</li>
 * <li>valid UTF-8 (RFC 6531 §3.3 allows UTF-8 in MAIL and RCPT, nothing else) -> 500 5.5.2;</li>
 * <li>a known verb (RFC 5321 §4.2.4) -> 500 5.5.2;</li>
 * <li>at most 512 octets with CRLF (RFC 5321 §4.5.3.1.4); MAIL, RCPT and AUTH may take up to
 *     {@value #EXTENDED_LIMIT}, as SIZE, DSN and AUTH= raise their limit (RFC 1870 §4,
 *     RFC 3461 §3, RFC 4954 §4) -> 500 5.5.2.</li>
 * </ol>
 * The extended limit stays below 998 because the SubEthaSMTP line reader refuses longer lines
 * by closing the connection; PLAIN and LOGIN responses never need more.
 */
public sealed interface CommandLine {
    int LIMIT = 512;
    int EXTENDED_LIMIT = 998;

    /** @param text the line without CRLF */
    record Valid(String text) implements CommandLine {
        public Valid {
            Objects.requireNonNull(text, "text");
        }
    }

    record Invalid(SmtpReply reply) implements CommandLine {
        public Invalid {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Where a line's text ends: before its CRLF, or before its LF when that stands alone. */
    static int textEnd(byte[] line, int length) {
        return length >= 2 && line[length - 2] == '\r' ? length - 2 : length - 1;
    }

    /**
     * @param line the octets of one line, up to and including its LF
     * @param verbs the verbs the server knows, upper case
     */
    static CommandLine check(byte[] line, int length, Set<String> verbs) {
        if (length < 1 || line[length - 1] != '\n') {
            return new Invalid(Replies.BARE_CR_IN_COMMAND);
        }
        int end = textEnd(line, length);
        for (int i = 0; i < end; i++) {
            byte b = line[i];
            if (b == '\r' || b == '\n') {
                return new Invalid(Replies.BARE_CR_IN_COMMAND);
            }
            if (b == 0) {
                return new Invalid(Replies.NUL_IN_COMMAND);
            }
        }
        String text;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(line, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return new Invalid(Replies.BAD_UTF8);
        }
        int space = text.indexOf(' ');
        String verb = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        if (!verbs.contains(verb)) {
            return new Invalid(Replies.UNKNOWN_COMMAND);
        }
        int limit = verb.equals("MAIL") || verb.equals("RCPT") || verb.equals("AUTH") ? EXTENDED_LIMIT : LIMIT;
        if (length > limit) {
            return new Invalid(Replies.LINE_TOO_LONG);
        }
        return new Valid(text);
    }
}
