package sempgw.smtp.ingress.auth;

/**
 * Checks SMTP AUTH credentials (RFC 4954). Implementations are thread-safe, take the same time
 * whether or not the user exists, and never keep or log the password.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param password the caller zeroes it after the call
     * @return true if the user exists and the password is right
     */
    boolean authenticate(String username, char[] password);
}
