/**
 * The receive pipeline: what the federation service does with each envelope a peer sends in an
 * established session, answering {@code delivered} with a signed receipt only after the envelope
 * is durably in the inbox, {@code rejected} with a reason code, or nothing ({@code silent}).
 *
 * <pre>{@code
 * ReceivePipeline pipeline = new ReceivePipeline(ReceiveConfig.defaults(Set.of("example.org")),
 *         new ServerKeys(senderDomainKeys, ourDecryptionKeys, ourSigningKey), sessionTable,
 *         (postmark, brief) -> PolicyDecision.deliver(),
 *         new LocalUsers(mailboxes, blockList, knownCorrespondents), new QueueInbox(inboxQueue),
 *         RandomSource.secure());
 * ReceiveOutcome outcome = pipeline.receive(wire, new PeerSessionRef("peer.example", sessionId), now);
 * }</pre>
 *
 * <h2>Limits and defaults ({@link sempgw.semp.ingress.receive.ReceiveConfig})</h2>
 * {@code max_envelope_size} 25 MiB; expiry grace 0; first contact {@code open} (in
 * {@code challenge} mode: {@code proof_of_work} difficulty 20, challenges valid 30 minutes, at most
 * 100,000 outstanding);
 * rate limit 100 non-known-correspondent envelopes per sender domain per hour, then silent for
 * 1 hour (1-24 h), at most 100,000 domains tracked; duplicate-delivery set 100,000 envelopes,
 * each until its {@code postmark.expires}, kept across restarts when the server gives it a file
 * ({@link sempgw.semp.ingress.receive.DeliveredJournal}; the gateway does); known correspondents
 * 100,000 (local address, peer domain) pairs, the one recorded longest ago forgotten first, kept
 * across restarts in {@link sempgw.semp.ingress.receive.KnownCorrespondentsJournal} (the gateway's).
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>One acknowledgment per envelope (DELIVERY.md §1): {@code delivered} only when every local
 *   recipient takes the envelope; one refusing recipient refuses it. Never a {@code delivered}
 *   for a recipient that will not get the envelope (DELIVERY.md §1.1).</li>
 *   <li>Every refusal by recipient policy is {@code policy_forbidden} with one text: no
 *   mailbox, a user block ({@code blocked} is never revealed), first contact, no local recipient.
 *   In {@code challenge} mode each carries a fresh challenge, so a nonexistent address and a
 *   blocked or gated one get replies of identical shape and size (DELIVERY.md §6.4.3).</li>
 *   <li>A session id other than the conversation's is {@code no_session}; a
 *   {@code postmark.from_domain} other than the session's peer domain is {@code policy_forbidden}.</li>
 *   <li>Bytes that do not decode as an envelope, or whose rejection could not name a
 *   {@code postmark.id} (none readable, or over 256 characters), are
 *   {@link sempgw.semp.ingress.receive.ReceiveOutcome.Malformed}: no SEMP reason code fits them,
 *   and a rejection must name the envelope (ENVELOPE.md §9.2). The transport answers instead:
 *   HTTP 400 "Malformed SEMP message. Could not parse." (TRANSPORT.md §4.2.2, ERRORS.md §12), a
 *   WebSocket close 1007 (RFC 6455 §7.4.1). semp-core's {@code Verdict.Malformed} is documented
 *   the same way (docs/interop.md "Malformed envelope answer").</li>
 *   <li>Domain and server policy, step 5 of DELIVERY.md §3 (before the brief is decrypted), is
 *   enforced by the federation responder, not by the verifier's {@code DeliveryPolicy} (which
 *   runs after decryption and cannot answer silently): a peer matching a domain or server block
 *   entry never gets a session (DELIVERY.md §6.1, HANDSHAKE.md §4.2), and an entry added later
 *   invalidates the live session of the peer it matches at once
 *   ({@code FederationService.updateBlockList}). Every envelope of a blocked peer therefore stops
 *   at step 3 and is never decrypted: the pipeline answers {@code handshake_invalid}, which the
 *   responder turns into the entry's acknowledgment when the seal verified under the blocked
 *   domain's key (HANDSHAKE.md §4.2: {@code blocked}, or no reply for a {@code silent} entry),
 *   while a forged envelope keeps its explicit rejection (DELIVERY.md §1.3); the peer's next init
 *   gets {@code blocked}, or no reply (DELIVERY.md §6.2). The gateway passes
 *   a {@code DeliveryPolicy} that delivers everything reaching it.</li>
 *   <li>An inbox may refuse an envelope that passed every check here
 *   ({@link sempgw.semp.ingress.receive.InboxRefusal}, nothing stored): it is {@code rejected}
 *   with the refusal's code and text, and an {@code extension_unsupported} names the key in the
 *   reason text and in a top-level {@code extension} member (EXTENSIONS.md §3.1, §8.3), as the
 *   verifier's own {@code extension_unsupported} does, when the key is well formed (§2.3).</li>
 *   <li>Any collaborator failure (key lookup, session table, mailboxes, inbox) is
 *   {@code server_unavailable}, recoverable: the sender retries, nothing is lost or falsely
 *   acknowledged.</li>
 * </ul>
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>DELIVERY.md §1 (acknowledgments), §1.1.1 (receipts), §1.3 (silent), §3 (pipeline order,
 *   step 5 domain/server policy), §5-§6.2 (block lists), §6.4 (first contact), §6.5 (rate limit),
 *   §8.2 (block detection)</li>
 *   <li>ERRORS.md §12, TRANSPORT.md §4.2.2 (malformed messages are transport errors)</li>
 *   <li>ENVELOPE.md §9.1-§9.3 (acceptance, rejection, reason codes); EXTENSIONS.md §3.1, §8.3
 *   (naming the unsupported extension)</li>
 *   <li>HANDSHAKE.md §2.2a.2-§2.2a.4 (proof-of-work challenge, first-contact binding, token)</li>
 *   <li>KEY.md §3.2 (first-contact policy); CONFORMANCE.md §4.1, §4.6; DESIGN.md §2.7 (no oracles)</li>
 *   <li>SPEC-DIGEST-SERVER §4 (pipeline), §9 item 10 ({@code brief.from} binding)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519 receipts and challenge signatures), FIPS 180-4 (SHA-256 challenge binding),
 * RFC 9110 and RFC 6455 §7.4.1 (the transport answers to malformed messages).
 *
 * <h2>Security</h2>
 * Holds our domain signing key (receipts, challenges) and reaches our domain decryption keys
 * through semp-core's verifier, which destroys {@code K_brief} after use; never opens the
 * enclosure. Logs postmark ids, domains and reason codes, never addresses, brief or content.
 * Policy tables, challenges, counters and the duplicate set are bounded in memory. The duplicate
 * set's file holds hashes of (sender domain, {@code postmark.id}) and times, no names. The
 * known-correspondent file holds (local address, peer domain) pairs in clear, a correspondent-graph
 * derivative (CONFORMANCE.md §4.13.7): who here has written to, or been approved by a solved
 * challenge from, which domain; no times, messages or keys.
 */
package sempgw.semp.ingress.receive;
