/**
 * The SMTP/LMTP delivery agent (Postfix's smtp(8)/lmtp(8) role): takes a queued message and
 * some of its recipients from the queue manager, finds each recipient's next hop (MX lookup, a
 * smarthost, or a per-domain route), delivers over a pooled or new session, and reports one
 * {@link sempgw.store.queue.DeliveryResult} per recipient. The message content goes out byte for
 * byte as queued; nothing is re-encoded.
 *
 * <p>Entry point: {@link sempgw.smtp.egress.SmtpDeliveryAgent}; settings and their defaults:
 * {@link sempgw.smtp.egress.SmtpEgressConfig}. DSNs are composed by {@code sempgw.smtp.egress.dsn}.
 *
 * <p><b>Security:</b> talks to remote SMTP/LMTP servers and to a DNS resolver; reads queued
 * content and never logs it; holds smarthost credentials in memory and sends them only inside
 * TLS. Opportunistic TLS accepts any certificate by design; {@code tls=verify} routes check it.
 *
 * <p><b>Standards:</b> RFC 5321 (SMTP), RFC 2033 (LMTP), RFC 2920 (PIPELINING), RFC 3207
 * (STARTTLS), RFC 4954 (AUTH), RFC 1870 (SIZE), RFC 6152 (8BITMIME), RFC 6531 (SMTPUTF8),
 * RFC 3461 (DSN parameters), RFC 3463 (enhanced status codes), RFC 7505 (null MX).
 */
package sempgw.smtp.egress;
