package sempgw.smtp.egress.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * SMTP AUTH (RFC 4954) with PLAIN (RFC 4616) or, when PLAIN is not offered, LOGIN. The caller
 * checks that TLS is active first (RFC 4954 §4, RFC 4616 §6). Encoded secrets are zeroed after use.
 */
final class SaslAuthenticator {

    private SaslAuthenticator() {
    }

    /** The mechanism we would use with these offers, if any. */
    static Optional<String> choose(Set<String> offered) {
        if (offered.contains("PLAIN")) {
            return Optional.of("PLAIN");
        }
        return offered.contains("LOGIN") ? Optional.of("LOGIN") : Optional.empty();
    }

    /** Runs the exchange; returns the server's final reply (235 on success, RFC 4954 §6). */
    static SmtpReply authenticate(SmtpClientSession session, String mechanism, Credentials credentials) throws IOException {
        var timeout = session.timeouts().greeting();
        if (mechanism.equals("PLAIN")) {
            byte[] message = utf8("\0" + credentials.username() + "\0" + credentials.password());
            try {
                return session.command("AUTH PLAIN " + base64(message), timeout);
            } finally {
                Arrays.fill(message, (byte) 0);
            }
        }
        SmtpReply reply = session.command("AUTH LOGIN", timeout);
        if (reply.code() != 334) {
            return reply;
        }
        reply = session.command(base64(utf8(credentials.username())), timeout);
        if (reply.code() != 334) {
            return reply;
        }
        byte[] password = utf8(credentials.password());
        try {
            return session.command(base64(password), timeout);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static byte[] utf8(String s) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(s));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
