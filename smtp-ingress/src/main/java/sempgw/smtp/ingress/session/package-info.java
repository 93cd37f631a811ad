/**
 * The connection: how bytes move between the client, SubEthaSMTP and the queue.
 * {@code ClientServerSocket} wraps each accepted connection in a {@code ClientSocket}, which
 * SubEthaSMTP's session reads through {@code CommandLineStream} (well-formed command lines only)
 * and writes through {@code ReplyOutput} (replies held until the server would wait for input,
 * so a pipelined group's replies leave together). {@code ClientInput} owns the one input buffer
 * per connection; {@code DataReceiver} streams DATA from it into the queue submission.
 * {@code ConnectionLimiter} admits sessions; {@code IngressTransaction} is one transaction;
 * {@code OwedReplies} lets the replies for committed messages go out before a shutdown.
 *
 * <p><b>Security:</b> talks to untrusted clients; holds at most 64 KiB of a message per
 * connection; after STARTTLS, discards input sent before the handshake; enforces the command
 * and data deadlines, a write deadline (a watchdog closes connections whose client stops
 * reading) and the connection limits.
 *
 * <p><b>Standards:</b> RFC 5321 §4.5.3.2 (timeouts), RFC 2920 §3 (PIPELINING), RFC 3207 §4.2,
 * §5 (STARTTLS state and injection), RFC 1870 §6.3 (reading oversized data to its end).
 */
package sempgw.smtp.ingress.session;
