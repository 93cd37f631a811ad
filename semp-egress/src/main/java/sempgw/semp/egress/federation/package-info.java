/**
 * Federation sessions for the sending side: {@link sempgw.semp.egress.federation.PeerSessions}
 * hands the delivery agent an established {@link sempgw.semp.egress.federation.FederationChannel}
 * with a peer domain; {@link sempgw.semp.egress.federation.FederationClient} implements it.
 *
 * <p>Per peer domain, one session, reused by concurrent callers (SESSION.md §2.5.2): discovery
 * ({@code DiscoveryResult.Semp}), the strongest common suite (PQ first), a transport from
 * {@code endpoints.federation} ({@code ws} preferred when advertised, then the mandatory
 * {@code h2}; fallback on connect failure within 10 s), the federation handshake with semp-core's
 * {@code Initiator} (a proof-of-work challenge is answered by semp-core), rekey at 80 % of the
 * lifetime with {@code RekeyInitiator}, a new handshake after expiry, a transport failure or
 * {@link sempgw.semp.egress.federation.PeerSessions#invalidate}. Protocol decisions are
 * semp-core's; this package moves bytes and keeps the table.
 *
 * <p>Transports ({@link sempgw.semp.egress.federation.FederationTransport}): HTTP/2 POSTs to the
 * advertised URL correlated by {@code Semp-Session-Id}, and WebSocket text messages with
 * subprotocol {@code semp.v1}. Handshake and rekey messages are turn-based on both: one
 * outstanding message per connection (TRANSPORT.md §2.3). Envelopes are too over WebSocket, whose
 * replies are matched by order; over h2 up to {@code maxConcurrentEnvelopes} (default 16) are in
 * flight at once, each its own stream (§4.3.2), and a rekey waits for them and holds back new ones.
 *
 * <p>Limits and defaults ({@link sempgw.semp.egress.federation.FederationSettings}): connect
 * 10 s per transport, handshake and rekey 30 s, 16 envelopes in flight per h2 session,
 * reply 1 MiB, accepted session TTL at most one day,
 * a peer whose session setup failed is failed fast for 30 s (with the same reason code), a peer
 * that issued a challenge above the difficulty cap of 28 for an hour unless its configuration
 * revision or domain key changes (HANDSHAKE.md §2.2a.2 "MUST NOT retry under the same
 * conditions"; a challenge we refuse for another reason only for the 30 s), WebSocket
 * ping every 30 s, reply size counted in UTF-8 bytes. The per-domain table holds only live
 * sessions and held failures: {@code FederationClient.sweep(now)} drops closed and expired
 * sessions (keys erased, SESSION.md §2.4) and idle domains; the owner runs it on a timer (the
 * gateway every 5 s), and a caller runs it at most once a minute.
 *
 * <p>Failures are {@link sempgw.semp.egress.federation.DeliveryException}s, transient unless
 * {@link sempgw.semp.egress.federation.DeliveryException#terminal()}: the peer refused the
 * handshake with a non-recoverable code (ERRORS.md §1-§2), its configuration rules a session
 * out (no common suite, a required extension we lack), or it issued a challenge above the
 * difficulty cap ({@code challenge_invalid}, which semp-core aborts with a signed
 * {@code rejected}, §2.2a.6). Our other refusals are never terminal, including our other
 * {@code challenge_invalid} aborts ({@code expires} below the floor, which latency or a second of
 * clock skew can cause, CONFORMANCE.md §9.3.3; a challenge type or algorithm we do not run,
 * §2.2a.5).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>HANDSHAKE.md §4.2 (silent block), §5.1-§5.7 (federation handshake), §6.4 (suite choice),
 *   §6.6 (timeout), §2.2a (challenge; §2.2a.2 and §2.2a.6: a challenge above the cap), §2.2a.5 (future challenge types)</li>
 *   <li>CONFORMANCE.md §9.3.3 (a challenge's {@code expires} is the peer's clock)</li>
 *   <li>REPUTATION.md §8.3.3 (the refused challenge is kept as evidence)</li>
 *   <li>SESSION.md §2.4 (erasure), §2.5.2 (collisions), §3.1-§3.4 (rekey)</li>
 *   <li>TRANSPORT.md §4.1 (WebSocket), §4.2.2-§4.2.3 (HTTP/2 status, tunnel header), §5.3-§5.4
 *   (fallback order and procedure), §8.2 (reconnection)</li>
 *   <li>DISCOVERY.md §3.1.4 (required extensions), §3.5.1 (configuration revision), §5.6
 *   (advertised endpoints only), §6.1 (invalidate after a failure)</li>
 *   <li>ERRORS.md §1, §2, §15.2 (which refusals may be retried)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 9113 (HTTP/2), RFC 6455 (WebSocket), RFC 8446 (TLS 1.3), RFC 6125 (host name checks).
 *
 * <h2>Security</h2>
 * Talks over TLS only to the federation endpoints a peer's validated configuration advertised,
 * trusting the injected trust store. Holds session keys in memory (semp-core {@code Session});
 * they are erased when a session is dropped, expires or the client closes. Uses our domain
 * signing key only through semp-core's handshake. Logs domains and session ids, never keys or
 * message content; at DEBUG, a refused challenge as the peer signed it (public protocol data).
 */
package sempgw.semp.egress.federation;
