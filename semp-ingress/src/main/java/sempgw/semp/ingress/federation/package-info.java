/**
 * The federation responder: the server side of SEMP server-to-server sessions behind the
 * {@link sempgw.semp.ingress.FederationEndpoint} and {@link sempgw.semp.ingress.Conversation}
 * seams.
 *
 * <p>{@link sempgw.semp.ingress.federation.FederationService} opens one
 * {@link sempgw.semp.ingress.federation.PeerConversation} per transport binding; each runs
 * semp-core's {@code Responder} for handshakes and {@code RekeyResponder} for rekeys, and hands
 * envelopes to the receive pipeline through an
 * {@link sempgw.semp.ingress.federation.EnvelopeReceiver}.
 * {@link sempgw.semp.ingress.federation.SessionTable} holds the live sessions (one per peer
 * domain, capped, expiring, retired ids remembered) and is the pipeline's {@code SessionLookup}.
 * Admission of an init: {@link sempgw.semp.ingress.federation.BlockList} (domain and server
 * entries), then the session cap, then semp-core's replay lookup, signature and domain-proof
 * checks, the nonce recorded only once the init is authenticated (a full table forgets its
 * oldest nonce, with a WARN at most once a minute, rather than refuse).
 * The block list is checked again before a finished handshake's session is kept, and a list
 * replaced at run time invalidates the live session of every peer it now matches, by domain or
 * by the {@code server_id} its handshake named; so no envelope of a blocked peer gets past the
 * session step of DELIVERY.md §3, before any brief is decrypted (step 5, §6.2).
 * Limits, with defaults, are in {@link sempgw.semp.ingress.federation.FederationLimits}: 1,000
 * sessions, 30 s handshake timeout, retired ids kept one hour.
 *
 * <p>Decisions: proof of work is off unless configured (HANDSHAKE.md §2.2a leaves it to operator
 * policy; when on, only peers without a live session are challenged). A second handshake on a
 * conversation that holds a session is allowed and supersedes the peer's session (SESSION.md
 * §2.5.2, TRANSPORT.md §8.3). Envelopes are accepted on any conversation whose postmark names a
 * live session (TRANSPORT.md §8.2-§8.3). A session refused at registration (a higher id won, or
 * the cap was reached between init and confirm) gets no {@code accepted}; the conversation ends.
 * A message of a type SEMP 1.x does not define is dropped unanswered in any state (no message type
 * can be marked critical, CONFORMANCE.md §9.1.4, docs/interop.md).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>HANDSHAKE.md §1.4 (message types), §2.2a (challenge), §4.1-§4.2 (rejections, blocking),
 *   §5 (federation handshake), §6.2 (nonce replay), §6.6 (timeout)</li>
 *   <li>SESSION.md §2.4 (expiry and erasure), §2.5.2-§2.5.3 (one session per peer, collisions,
 *   caps), §3 (rekey), §3.4 (transition window), §5.2 (retired ids)</li>
 *   <li>DELIVERY.md §5 (block entries), §6.1-§6.2 (enforcement points), §1.3 (silent)</li>
 *   <li>TRANSPORT.md §4.1, §4.2.3 (bindings), §8.2-§8.3 (sessions independent of connections)</li>
 *   <li>CONFORMANCE.md §4.2, §4.3, §4.8, §9.1.4 (unknown message types)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8259 (JSON), RFC 8032 (Ed25519), RFC 7748 (X25519), RFC 8439 (ChaCha20-Poly1305), RFC 5869
 * (HKDF), through semp-core.
 *
 * <h2>Security</h2>
 * Talks to nothing itself: peers' domain keys come from the injected {@code DomainKeyLookup},
 * ownership proofs from the injected {@code DomainProofVerifier} (required, no trust-all default).
 * Holds session keys in memory only, inside semp-core {@code Session}s; they are zeroed when a
 * session expires, is replaced or invalidated, or the table closes, and half-open handshakes are
 * abandoned (their secrets zeroed) on failure, close or deadline. Logs domains, session ids and
 * reason codes; never keys or message content, and peer text only reduced to printable ASCII.
 */
package sempgw.semp.ingress.federation;
