package sempgw.smtp.egress.client;

import java.util.Objects;

/**
 * A smarthost login for SMTP AUTH (RFC 4954). Sent only inside TLS. {@link #toString()}
 * never shows the password.
 */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.indexOf('\0') >= 0 || password.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("username must be non-empty and neither may contain NUL (RFC 4616 §2)");
        }
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=(redacted)]";
    }
}
