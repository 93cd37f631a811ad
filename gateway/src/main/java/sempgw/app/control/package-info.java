/**
 * The local control channel between {@code semp-gateway queue ...} and the running gateway
 * (Postfix's {@code postqueue}/{@code postsuper} role): a Unix-domain socket under the data
 * directory, one request per line ({@code LIST}, {@code SHOW id}, {@code HOLD id},
 * {@code RELEASE id}, {@code DELETE id}, {@code FLUSH}), each answered with an SMTP-style
 * multi-line reply.
 *
 * <p><b>Standards:</b> RFC 5321 §4.2.1 (the reply framing borrowed for replies).
 *
 * <p><b>Security:</b> the socket is mode 0600 in a directory created 0700, so only the
 * gateway's own user (and root) can connect; there is no network listener. Replies show
 * envelopes and delivery status, never message content or keys. Request lines are capped at
 * 256 characters and concurrent connections at 16.
 */
package sempgw.app.control;
