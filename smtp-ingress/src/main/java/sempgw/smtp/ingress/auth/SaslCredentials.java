package sempgw.smtp.ingress.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A user name and password decoded from a SASL exchange: PLAIN (RFC 4616 §2) or the two
 * responses of LOGIN. The password is a {@code char[]} that {@link #erase()} zeroes; the
 * intermediate decoded octets are zeroed before returning.
 */
public final class SaslCredentials {
    private final String username;
    private final char[] password;

    private SaslCredentials(String username, char[] password) {
        this.username = username;
        this.password = password;
    }

    /**
     * Decodes a PLAIN response {@code [authzid] NUL authcid NUL passwd}. An authorization
     * identity other than the authentication identity is refused (no proxy authorization).
     */
    public static Optional<SaslCredentials> plain(String base64) {
        byte[] raw = decodeBase64(base64);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            int first = indexOf(raw, 0);
            int second = first < 0 ? -1 : indexOf(raw, first + 1);
            if (second < 0) {
                return Optional.empty();
            }
            Optional<String> authzid = utf8String(raw, 0, first);
            Optional<String> authcid = utf8String(raw, first + 1, second - first - 1);
            Optional<char[]> passwd = utf8Chars(raw, second + 1, raw.length - second - 1);
            if (authzid.isEmpty() || authcid.isEmpty() || authcid.get().isEmpty() || passwd.isEmpty()
                    || !authzid.get().isEmpty() && !authzid.get().equals(authcid.get())) {
                passwd.ifPresent(p -> Arrays.fill(p, '\0'));
                return Optional.empty();
            }
            return Optional.of(new SaslCredentials(authcid.get(), passwd.get()));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Decodes the two LOGIN responses (each Base64 of UTF-8). */
    public static Optional<SaslCredentials> login(String usernameBase64, String passwordBase64) {
        byte[] user = decodeBase64(usernameBase64);
        byte[] pass = decodeBase64(passwordBase64);
        try {
            if (user == null || pass == null) {
                return Optional.empty();
            }
            Optional<String> u = utf8String(user, 0, user.length).filter(s -> !s.isEmpty());
            Optional<char[]> p = utf8Chars(pass, 0, pass.length);
            if (u.isEmpty() || p.isEmpty()) {
                p.ifPresent(c -> Arrays.fill(c, '\0'));
                return Optional.empty();
            }
            return Optional.of(new SaslCredentials(u.get(), p.get()));
        } finally {
            if (pass != null) {
                Arrays.fill(pass, (byte) 0);
            }
        }
    }

    /** Decodes one Base64 response; null if malformed. */
    public static byte[] decodeBase64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String username() {
        return username;
    }

    /** The password itself, not a copy: valid until {@link #erase()}. */
    public char[] password() {
        return password;
    }

    public void erase() {
        Arrays.fill(password, '\0');
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> utf8String(byte[] b, int off, int len) {
        return utf8Chars(b, off, len).map(String::new);
    }

    private static Optional<char[]> utf8Chars(byte[] b, int off, int len) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        char[] out = new char[chars.remaining()];
        chars.get(out);
        chars.clear();
        while (chars.hasRemaining()) {
            chars.put('\0');
        }
        return Optional.of(out);
    }

    @Override
    public String toString() {
        return "SaslCredentials[" + username + ", password redacted]";
    }
}
