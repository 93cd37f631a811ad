/**
 * The SMTP <-> SEMP bridge (GATEWAY.md §3), assembled by {@link sempgw.app.bridge.Bridge}.
 *
 * <p>Outbound: the main queue's delivery agent is a {@link sempgw.app.bridge.RoutingAgent},
 * which routes each recipient through the {@code policy} module ({@link sempgw.app.bridge.Routes})
 * and hands it to SMTP (with the upgrade-signal headers, {@link sempgw.app.bridge.UpgradeSignal},
 * and the author's {@code SEMP-Require} removed, {@link sempgw.app.bridge.HeaderSection}) or to
 * SEMP ({@link sempgw.app.bridge.SempRoute}: MIME to envelope by the mailbox agent, recipients'
 * keys, compose, seal and send by semp-egress; composed envelopes kept for retries,
 * {@link sempgw.app.bridge.ComposedCache}). A mailbox that sends to a SEMP domain makes it a known
 * correspondent, in the set the receive pipeline consults, so the peer's replies are not first
 * contact. The SMTP client waits at DATA for the SEMP outcomes of
 * the first attempt ({@link sempgw.app.bridge.FirstAttempts}, {@link sempgw.app.bridge.TransactionGate}).
 * Mail for our own domains goes to the mailbox host with exactly one {@code SEMP-Verification}
 * field: the inbox's on mail that came by SEMP; on any other, {@code legacy}, or
 * {@code legacy-verified-semp-sender} when its upgrade signal names its {@code From} address and
 * verifies ({@link sempgw.app.bridge.LegacyOrigin}, results kept in
 * {@link sempgw.app.bridge.VerifiedSenders}).
 *
 * <p>Inbound: the receive pipeline stores into a {@link sempgw.app.bridge.MailboxInbox}, which
 * opens each envelope for a provisioned mailbox and queues it as MIME for the mailbox host before
 * the pipeline answers {@code delivered}; an envelope that does not open for a reason other than
 * its sender signature is refused with a reason code before anything is queued, and the pipeline
 * answers {@code rejected}.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>GATEWAY.md §3 (flows), §4 (policy, downgrade resistance), §5 (honest outcomes), §6 (what a mailbox receives)</li>
 *   <li>CLIENT.md §4.3.1 (upgrade-signal verification), §4.3.3 (origin indicator), §6.4.2 (MIME composition),
 *   §6.4.3 (upgrade-signal headers), §6.4.5 (mixed recipients), §7.2.2 (approval before the reply is transmitted)</li>
 *   <li>ENVELOPE.md §2.3 (address canonicalization), §5.3 (one envelope per Bcc recipient), §6.5.3 (sender signature), §7.2 (opening),
 *   §9.2 (explicit rejection); EXTENSIONS.md §3.1, §4.1-§4.2 (enclosure extensions)</li>
 *   <li>DELIVERY.md §1.1 ({@code delivered} only once durable), §1.5 (acknowledgment timeout), §2.6 (no SEMP bounces), §3 (duplicates),
 *   §6.4.1 (outbound history makes a known correspondent)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 5321 §4.2.5 and §6.1 (responsibility after 250), RFC 3463 (enhanced status codes), RFC 3464
 * ({@code Diagnostic-Code: semp; <reason_code>}), RFC 5322 §2.2.3 (folded header fields).
 *
 * <h2>Security</h2>
 * Signs outbound envelopes with the sender mailbox's identity key and opens inbound ones with the
 * recipient mailbox's keys, both held by the mailbox store, never copied or logged. Content is
 * decrypted in memory only between the inbox and the main queue, which is encrypted at rest.
 * Nothing is ever sent in clear against the policy: an unanswered discovery defers, a refusal
 * is explicit. An upgrade signal on mail for a mailbox makes the gateway ask the claimed domain
 * for one address's keys, at most once per sender and fingerprint in 30 days when it verifies,
 * and gives up after 5 s. Logs name queue ids, postmark ids, domains and reason codes, never content.
 */
package sempgw.app.bridge;
