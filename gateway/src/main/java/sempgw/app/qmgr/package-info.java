/**
 * The queue manager (Postfix's qmgr(8) role): decides what is delivered when, and records what
 * happened. Committed entries are due at once; after a restart every pending recipient resumes.
 * Recipients are grouped by destination, each destination gets at most
 * {@code delivery.concurrency_per_destination} parallel transactions (virtual threads,
 * semaphores), and the number of transactions in progress is bounded. Deferred recipients are
 * retried on the queue's {@link sempgw.app.qmgr.RetryPolicy}: exponential backoff and jitter for
 * SMTP, the attempt-numbered schedule of DELIVERY.md §2.3 for SEMP; a message still undeliverable after
 * {@code queue.max_lifetime} bounces; a sender who asked for it gets a delay notice for each
 * recipient once, after {@code queue.delay_warning_after}. The failure notices of an entry's
 * batches that run together (recipients at several destinations) go out as one notification, and
 * so do its delay notices. Held recipients are skipped. Each delivery
 * event is one log line with the queue id, recipient, relay, delay, status and remote reply.
 *
 * <p><b>Standards:</b> RFC 5321 §4.5.4.1 (retry strategy, give-up time), RFC 3461 §4.1
 * (NOTIFY), RFC 3464 (DSN actions), RFC 3463 §3.5 (4.4.7 delivery time expired).
 *
 * <p><b>Security:</b> talks only to the queue, the delivery agent and the notifier; never reads
 * message content itself (it hands the agent a way to open it); logs envelopes and replies,
 * never content.
 */
package sempgw.app.qmgr;
