/**
 * SEMP delivery for the sending side: the queue manager's delivery agent for the SEMP sender queue,
 * its retry schedule and its deadline.
 *
 * <p>{@link sempgw.semp.egress.delivery.SempDeliveryAgent} implements the store's
 * {@code DeliveryAgent}: it reads the queued composed envelope, checks the effective deadline
 * ({@link sempgw.semp.egress.delivery.DeliveryDeadline}), seals the envelope for the established
 * federation session with the recipient domain, sends it, and classifies the acknowledgment:
 *
 * <ul>
 *   <li>{@code delivered} with a receipt that verifies under the peer's published domain key:
 *       {@code Delivered}; without one: a transport failure, {@code Deferred}, and the session is
 *       dropped, unless the peer is in {@code semp.receipts.relaxed_peers} (then {@code Delivered}
 *       and a WARN line naming the peer);</li>
 *   <li>{@code rejected}: recoverable codes are {@code Deferred}, every other code {@code Failed}
 *       with the code;</li>
 *   <li>{@code silent} (no reply within 30 s), a malformed reply, or no session: {@code Deferred},
 *       and the session and discovery entry are dropped before the retry;</li>
 *   <li>a handshake the peer refused with a non-recoverable code ({@code blocked},
 *       {@code auth_failed}, {@code policy_forbidden}, {@code version_unsupported}, ...), or a
 *       peer configuration that rules a session out (no common suite: {@code policy_forbidden}; a
 *       required extension we lack: {@code extension_unsupported}): {@code Failed} with the code,
 *       not retried; recoverable refusals are {@code Deferred} under their code;</li>
 *   <li>a challenge above the difficulty cap of HANDSHAKE.md §2.2a.2, which we abort:
 *       {@code Failed} ({@code challenge_invalid}), and so is every envelope for that peer,
 *       without a handshake, while it is held as misbehaving (the federation package); a
 *       challenge we abort for another reason (an {@code expires} below the floor, a type we do
 *       not run) is {@code Deferred} ({@code challenge_invalid});</li>
 *   <li>past the deadline: {@code Failed} ({@code expired}) without contacting the peer; an
 *       envelope too large for the session: {@code Failed} ({@code envelope_size_exceeded}).</li>
 * </ul>
 *
 * <p>{@link sempgw.semp.egress.delivery.SempRetrySchedule} gives the wait before the next attempt
 * (1 m, 5 m, 15 m, 1 h, 4 h, then every 4 h; jitter ±25 %; floor 30 s; cap 6 h).
 *
 * <p>Limits, with defaults ({@link sempgw.semp.egress.delivery.SempDeliverySettings}): retry
 * horizon 72 h (at most 7 days); attempt timeout 30 s; queued envelope read back at most 64 MiB;
 * the peer's {@code max_envelope_size} as the session states it.
 *
 * <p>Specification references:
 * <ul>
 *   <li>DELIVERY.md §1 (acknowledgments), §1.1.1.6 (receipt verification by the sender), §1.5
 *   (attempt timeout), §2.1-§2.4 (queue, retry classes, schedule, effective deadline)</li>
 *   <li>ENVELOPE.md §4.3 (canonical bytes the seal and the receipt hash cover), §7.1 steps 11-13
 *   (sealing), §9.3 ({@code envelope_size_exceeded})</li>
 *   <li>ERRORS.md §1, §15.2 (recoverable codes; unknown codes are terminal)</li>
 *   <li>DISCOVERY.md §6.1 (drop the discovery entry after a delivery failure)</li>
 *   <li>docs/interop.md: retry over a new session; relaxed receipts; handshake refusals at the
 *   sender; a peer's challenge out of bounds; peer configuration that rules out a session</li>
 * </ul>
 *
 * <p>Standards: RFC 8032 (Ed25519 receipt signatures), RFC 3464 (the {@code semp} diagnostic type
 * of a {@code Failed} result).
 *
 * <p>Security: talks to peers only through {@code PeerSessions} (authenticated federation
 * sessions); holds our domain signing key, which it uses only through {@code EnvelopeSealer}, and
 * never decrypts brief or enclosure. Logs carry the queue id, the peer domain, the outcome and
 * the reason code; never addresses, content, session keys or receipts; peer-supplied reason text
 * is stripped of control characters and bounded before it reaches a log line or a DSN.
 */
package sempgw.semp.egress.delivery;
