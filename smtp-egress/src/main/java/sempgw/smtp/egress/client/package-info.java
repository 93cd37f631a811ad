/**
 * A small blocking SMTP/LMTP client of our own, over JDK sockets: reply parsing with enhanced
 * status codes ({@link sempgw.smtp.egress.client.SmtpReply}), EHLO capabilities, STARTTLS and
 * AUTH at session set-up ({@link sempgw.smtp.egress.client.SessionOpener}), transaction planning
 * from the envelope and the server's extensions ({@link sempgw.smtp.egress.client.TransactionPlanner},
 * pure), and the transaction itself with pipelining, dot-stuffing and per-recipient replies
 * ({@link sempgw.smtp.egress.client.MailTransaction}). Every blocking read and write runs under a
 * timeout enforced by {@link sempgw.smtp.egress.client.IoWatchdog}.
 *
 * <p>Limits: reply lines {@value sempgw.smtp.egress.client.ReplyReader#MAX_LINE} octets, replies
 * {@value sempgw.smtp.egress.client.ReplyReader#MAX_LINES} lines; timeouts in
 * {@link sempgw.smtp.egress.client.Timeouts}.
 *
 * <p><b>Security:</b> talks to remote servers only; sends credentials only over TLS and zeroes
 * their encoded form after use; refuses to continue when a server sends data ahead of the TLS
 * handshake (STARTTLS response injection). Never logs content.
 *
 * <p><b>Standards:</b> RFC 5321 §3, §4.1, §4.2, §4.5.2, §4.5.3.2; RFC 2033 §4; RFC 2920 §3;
 * RFC 3207 §4; RFC 4954; RFC 4616; RFC 1870 §6; RFC 6152 §3; RFC 6531 §3.4; RFC 3461 §4-5;
 * RFC 6533 §3; RFC 2034 §4; RFC 3463 §2; RFC 6125 §6; RFC 7817 §3; RFC 7435.
 */
package sempgw.smtp.egress.client;
