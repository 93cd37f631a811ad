/**
 * The durable inbox of accepted SEMP envelopes: {@link sempgw.semp.ingress.inbox.QueueInbox}
 * writes each into the store's queue, fsync'd before the receive pipeline answers
 * {@code delivered}. The mailbox agent consumes it later (GATEWAY.md §3 flow 3).
 *
 * <h2>Specification references</h2>
 * DELIVERY.md §1.1 ("committed to making it available to the recipient client"), §2.8 (queue
 * encrypted at rest); ENVELOPE.md §9.1 (never accept and discard, never modify signed fields).
 *
 * <h2>Standards</h2>
 * None beyond the queue's (RFC 5321 envelope fields of {@code Sender} and {@code Recipient}).
 *
 * <h2>Security</h2>
 * Stores sealed envelopes only: brief and enclosure stay encrypted, and the queue encrypts the
 * file at rest. An {@link sempgw.semp.ingress.inbox.AcceptedEnvelope} also carries the brief the
 * pipeline decrypted, in memory only, for an in-process inbox; its {@code toString} names neither
 * addresses nor content. Logs the queue id, postmark id and peer domain, never addresses or content.
 */
package sempgw.semp.ingress.inbox;
