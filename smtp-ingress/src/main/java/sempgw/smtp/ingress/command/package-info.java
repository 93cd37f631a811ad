/**
 * The SMTP commands, one class per verb (the trivial ones grouped), registered in place of
 * SubEthaSMTP's: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, STARTTLS, AUTH, and VRFY, EXPN,
 * HELP, BDAT answered without effect. Each command's Javadoc lists its checks in order with the
 * reply of each.
 *
 * <p><b>Security:</b> DATA answers {@code 250} only after the queue's commit returned (fsync),
 * and after a commit never a {@code 4xx} of its own (the application's after-commit hook may
 * answer otherwise, having dealt with the queued copy); before the commit every internal failure
 * is a {@code 4xx}; AUTH only under TLS, with a limit of three failures
 * per connection; STARTTLS discards pipelined plain text. Logs carry the trace or queue id and
 * the client address, never content or credentials.
 *
 * <p><b>Standards:</b> RFC 5321 §4.1.1 (commands), §4.1.4 (order), §4.4 (trace), §6.1
 * (reliable delivery); RFC 3207 (STARTTLS); RFC 4954 (AUTH); RFC 4616 (PLAIN); RFC 3848
 * (with-protocols); RFC 6531 §3.7.3 (UTF8SMTP).
 */
package sempgw.smtp.ingress.command;
