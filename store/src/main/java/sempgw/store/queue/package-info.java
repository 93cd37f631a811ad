/**
 * The durable mail queue: the one place where SMTP ingress, the queue manager and the delivery
 * agents meet (as Postfix's programs meet only at its queue).
 *
 * <p>A {@link sempgw.store.queue.Submission} is a transaction: {@code begin -> addRecipient* ->
 * content -> commit | abort}. Nothing is visible before {@code commit}; {@code commit} returns
 * only once the envelope, every recipient and the content are on stable storage (fsync), so the
 * caller may then say {@code 250}. State is kept per recipient; delivery agents report one
 * {@link sempgw.store.queue.DeliveryResult} per recipient, and only the recipients that failed
 * are retried.
 *
 * <p><b>Security:</b> holds message content, encrypted at rest with the queue key; never logs
 * content.
 *
 * <p><b>Standards:</b> RFC 5321 (envelope), RFC 3461 (DSN parameters kept per recipient),
 * RFC 6531 (SMTPUTF8 flag).
 */
package sempgw.store.queue;
