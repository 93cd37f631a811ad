/**
 * The SMTP command language as pure code: command line checks, MAIL and RCPT parameters,
 * addresses, xtext, the trace header and every reply the ingress sends. No I/O; time is passed
 * in. Parsers return values ({@code MailRequest}, {@code RcptRequest}, {@code CommandLine}),
 * never throw for bad input.
 *
 * <p><b>Security:</b> handles untrusted client input only; holds no secrets. Client text placed
 * in a header is reduced to one printable line.
 *
 * <p><b>Standards:</b> RFC 5321 §2.3.8, §4.1, §4.4, §4.5.3 (syntax, trace, limits),
 * RFC 1870 §4, §6 (SIZE), RFC 3461 §4 (NOTIFY, ORCPT, RET, ENVID, xtext), RFC 3463 and RFC 5248
 * (enhanced codes), RFC 4954 §5 (AUTH=), RFC 6152 (BODY), RFC 6531 §3 (SMTPUTF8),
 * RFC 6533 (X.6.7).
 */
package sempgw.smtp.ingress.protocol;
