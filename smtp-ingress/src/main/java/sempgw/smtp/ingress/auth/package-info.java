/**
 * SMTP AUTH credentials: the {@code Authenticator} interface, SASL PLAIN and LOGIN decoding
 * ({@code SaslCredentials}), salted PBKDF2 password hashes ({@code PasswordHash}) and a user
 * file ({@code PasswordFileAuthenticator}).
 *
 * <p><b>Security:</b> passwords live only in {@code char[]} and decoded octets that are zeroed
 * after the check; stored hashes are PBKDF2-HMAC-SHA256 with a random salt and are compared in
 * constant time; unknown users cost the same work as wrong passwords. Nothing here logs a
 * password. The AUTH command refuses to run without TLS.
 *
 * <p><b>Standards:</b> RFC 4954 (SMTP AUTH), RFC 4616 (PLAIN), RFC 8018 §5.2 (PBKDF2),
 * RFC 4648 §4 (Base64).
 */
package sempgw.smtp.ingress.auth;
