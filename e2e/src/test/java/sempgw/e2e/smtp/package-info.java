/**
 * Loopback SMTP for the tests: a small client ({@code SmtpClient}), injectors that send a
 * corpus over parallel sessions (once, or retrying as an MTA would), and a recording sink
 * ({@code SmtpSink}) that keeps every message octet for octet with its envelope.
 *
 * <p>Standards: RFC 5321 (dot-stuffing §4.5.2, replies §4.2), RFC 1870 (SIZE), RFC 2920
 * (PIPELINING, announced by the sink), RFC 6152 (8BITMIME), RFC 6531 (SMTPUTF8).
 *
 * <p>Security: test code; binds 127.0.0.1 only, keeps messages in memory, no TLS.
 */
package sempgw.e2e.smtp;
