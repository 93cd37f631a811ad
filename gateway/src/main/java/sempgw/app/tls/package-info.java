/**
 * TLS for the listeners: the configured PEM certificate and key, or a self-signed certificate
 * created on first start, turned into the {@link javax.net.ssl.SSLContext} handed to SMTP
 * ingress and the credentials the SEMP HTTPS listener presents; and the trust anchors for SEMP
 * peers ({@link sempgw.app.tls.PeerTrust}: the JDK's plus {@code semp.trust_file}).
 *
 * <p><b>Standards:</b> RFC 3207 (STARTTLS), RFC 5280 (certificates), RFC 7468 (PEM),
 * RFC 5208 (PKCS#8), RFC 5280 §6.1.1 (trust anchors).
 *
 * <p><b>Security:</b> reads and writes private key files; writes them mode 0600 in a 0700
 * directory, atomically; zeroes key encodings and the in-memory key store password after use;
 * never logs key material. Like every MTA's, the TLS key rests unencrypted, protected by file
 * permissions, because the process must read it unattended.
 */
package sempgw.app.tls;
