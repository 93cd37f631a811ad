/**
 * Notifications to senders (Postfix's bounce(8) role): turns the queue manager's notices into
 * RFC 3464 delivery status notifications, composed by smtp-egress, and queues them from the
 * null sender so that they are never bounced themselves.
 *
 * <p><b>Standards:</b> RFC 3464 (DSN format), RFC 3461 §4 (NOTIFY, RET), RFC 3463 §3.5
 * (4.4.7 delivery time expired), RFC 5321 §4.5.5 (null reverse-path for notifications).
 *
 * <p><b>Security:</b> reads the original message only to return it (or its headers) to its own
 * sender; writes only into the queue; logs queue ids, never content.
 */
package sempgw.app.bounce;
