package sempgw.smtp.egress.client;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What every client session shares.
 *
 * @param heloName our name in EHLO/LHLO (RFC 5321 §4.1.1.1: a fully qualified domain name)
 * @param timeouts the protocol timeouts
 * @param verifyingTls the context for {@link TlsPolicy#VERIFY} routes (its trust managers decide
 *     which certificate authorities count); {@link TlsPolicy#MAY} and {@link TlsPolicy#ENCRYPT}
 *     use {@link InsecureTrustAllTls} instead
 */
public record ClientSettings(String heloName, Timeouts timeouts, SSLContext verifyingTls) {

    public ClientSettings {
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(verifyingTls, "verifyingTls");
        if (heloName.isBlank() || heloName.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("heloName must be a domain name or address literal: " + heloName);
        }
    }

    /** Trusts the JDK's default certificate authorities for {@link TlsPolicy#VERIFY}. */
    public static ClientSettings withDefaultTrust(String heloName, Timeouts timeouts) {
        try {
            return new ClientSettings(heloName, timeouts, SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
