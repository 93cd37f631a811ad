/**
 * SMTP ingress: the gateway's SMTP server (Postfix's smtpd(8) role). It accepts mail from the
 * organisation's MTA (relay networks, authenticated users) and, for local domains, from anyone,
 * and writes each message durably into the queue before it says {@code 250}.
 *
 * <p>{@link sempgw.smtp.ingress.SmtpIngress} is started with a
 * {@link sempgw.smtp.ingress.SmtpIngressConfig} (every limit and its default is listed there)
 * and a {@link sempgw.store.queue.MessageQueue}. The sub-packages follow the data:
 * {@code session} (bytes on the connection, SubEthaSMTP glue), {@code command} (one class per
 * verb), {@code protocol} (pure parsing and replies), {@code data} (pure DATA decoding and
 * limits), {@code policy} (relay control), {@code auth} (SMTP AUTH credentials).
 *
 * <p>Decisions, each documented where it is implemented:
 * <ul>
 * <li>only {@code CRLF . CRLF} ends the data; a bare LF ends a command or a content line, as
 *     Postfix takes it, and content is stored with CRLF; a bare CR is refused, in DATA with
 *     {@code 550 5.5.2} after the final dot ({@code DotStuffedDecoder}, {@code DataViolation}),
 *     in a command with {@code 500 5.5.2} ({@code CommandLine});</li>
 * <li>lines over 1000 octets are accepted, as Postfix accepts them ({@code ContentScanner});</li>
 * <li>8-bit content without {@code BODY=8BITMIME} is accepted and noted in the log line, as
 *     Postfix does ({@code ContentScanner});</li>
 * <li>the {@code Received:} header carries a trace id, since the queue id exists only after the
 *     commit; the accept log line joins the two ({@code ReceivedHeader});</li>
 * <li>AUTH passwords are stored as {@code $pbkdf2-sha256$i=...$salt$hash} ({@code PasswordHash});</li>
 * <li>timeouts are deadlines: a command line, and the writing of its replies, within the command
 *     timeout; DATA within the data timeout, pushed back by data received at the minimum rate;</li>
 * <li>duplicate recipients collapse into the first, with its DSN parameters;</li>
 * <li>the final reply to DATA is the application's {@code AfterCommit} hook's, asked after the
 *     commit; a hook that fails or answers out of contract gets the queued {@code 250}, never a
 *     {@code 4xx} for a queued message;</li>
 * <li>configured header fields ({@code SEMP-Verification} by default) are removed from the header
 *     section, which for this purpose ends only at the first empty line
 *     ({@code HeaderFieldFilter}).</li>
 * </ul>
 *
 * <p><b>Security:</b> talks to SMTP clients on the network and to the queue; never an open relay
 * (relaying only for configured networks and authenticated users); AUTH only under TLS; holds
 * message content only in a 64 KiB buffer per connection on its way to the queue; logs one line
 * per accepted message (queue id, trace id, client, size, recipient count, fields stripped,
 * the final reply when not 250), never content, never passwords.
 *
 * <p><b>Standards:</b> RFC 5321 (SMTP), RFC 1870 (SIZE), RFC 2034 (ENHANCEDSTATUSCODES),
 * RFC 2920 (PIPELINING), RFC 3207 (STARTTLS), RFC 3461 (DSN), RFC 3463 (status codes),
 * RFC 3848 (transmission types), RFC 4954 (AUTH), RFC 6152 (8BITMIME), RFC 6531 (SMTPUTF8),
 * RFC 5322 (header fields), RFC 8601 §5 (removing forged result fields).
 */
package sempgw.smtp.ingress;
