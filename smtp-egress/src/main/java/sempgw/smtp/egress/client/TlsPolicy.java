package sempgw.smtp.egress.client;

/**
 * How a route uses TLS, named after Postfix's {@code smtp_tls_security_level}.
 *
 * <p>{@link #MAY} is opportunistic (RFC 3207, RFC 7435): STARTTLS when the server offers it,
 * without certificate checks. If the handshake fails, the same host is tried again in clear
 * text, as Postfix does at level {@code may}: refusing would turn a broken TLS stack at the
 * far end into undeliverable mail, and an active attacker can strip the STARTTLS offer anyway,
 * so the retry gives away nothing that opportunistic TLS protected. Routes that need
 * confidentiality say {@link #ENCRYPT} or {@link #VERIFY}.
 */
public enum TlsPolicy {
    /** Never STARTTLS. */
    NONE,
    /** STARTTLS when offered; any certificate; clear text if the handshake fails. */
    MAY,
    /** STARTTLS required; any certificate. Without TLS the delivery is deferred. */
    ENCRYPT,
    /** STARTTLS required, certificate chain and host name verified (RFC 6125 §6, RFC 7817 §3). */
    VERIFY;

    public boolean required() {
        return this == ENCRYPT || this == VERIFY;
    }
}
