/**
 * The local control channel between {@code semp-gateway queue ...} (and {@code mailbox ...}) and
 * the running gateway (Postfix's {@code postqueue}/{@code postsuper} role): a Unix-domain socket
 * under the data directory, one request per line ({@code LIST}, {@code SHOW id}, {@code HOLD id},
 * {@code RELEASE id}, {@code DELETE id}, {@code FLUSH}, {@code MAILBOX verb [argument]}), each
 * answered with an SMTP-style multi-line reply. {@link sempgw.app.control.ControlRoutes} sends
 * the mailbox commands to the mailbox agent's handler.
 *
 * <p><b>Standards:</b> RFC 5321 §4.2.1 (the reply framing borrowed for replies).
 *
 * <p><b>Security:</b> the socket is mode 0600 in a directory created 0700, so only the
 * gateway's own user (and root) can connect; there is no network listener. Replies show
 * envelopes, delivery status, mailbox addresses and public key ids, never message content or
 * private keys. Request lines are capped at 4096 characters and concurrent connections at 16.
 */
package sempgw.app.control;
