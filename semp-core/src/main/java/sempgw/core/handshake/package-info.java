/**
 * The SEMP handshake as I/O-free state machines (STYLE.md item 6): messages in, a
 * {@link sempgw.core.handshake.Step} out (send this, session established, or rejected with a
 * reason code). The transport (WebSocket, HTTP/2) moves the bytes and enforces the
 * {@code deadline()}.
 *
 * <ul>
 *   <li>Client handshake (HANDSHAKE.md §2): {@link sempgw.core.handshake.ClientHandshake} on the
 *   client, {@link sempgw.core.handshake.ServerHandshake} on the home server.</li>
 *   <li>Federation handshake (HANDSHAKE.md §5): {@link sempgw.core.handshake.Initiator} and
 *   {@link sempgw.core.handshake.Responder}.</li>
 *   <li>The optional proof-of-work round (§2.2a, §2.2b) in both, with
 *   {@link sempgw.core.handshake.PowDemand} bounding what a responder may issue.</li>
 * </ul>
 * Every message we send has exactly semp-go's field set and is written in canonical form, so a
 * go peer's struct round trip reproduces the bytes we signed and hashed; every message we
 * receive is verified over its own tree (SPEC-DIGEST-WIRE §0, §4). Responders consult
 * server-wide collaborators passed in: {@link sempgw.core.handshake.Admission},
 * {@link sempgw.core.handshake.NonceLedger}, {@link sempgw.core.handshake.ChallengeLedger},
 * {@link sempgw.core.handshake.DomainKeyLookup},
 * {@link sempgw.core.handshake.IdentityKeyDirectory},
 * {@link sempgw.core.handshake.DomainProofVerifier} (no accept-everything default).
 *
 * <p>Reason codes on failure: malformed or out-of-order messages {@code handshake_invalid};
 * another MAJOR version {@code version_unsupported}; no common suite {@code policy_forbidden};
 * any failed signature, proof, hash or key lookup {@code auth_failed}; bad proof-of-work
 * {@code challenge_failed}; a challenge outside the protocol bounds {@code challenge_invalid};
 * past the deadline {@code handshake_expired} (table in docs/interop.md).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>HANDSHAKE.md §1.4 (discriminators), §2.2-§2.7 (client messages), §2.2a-§2.2b (challenge),
 *   §4.1-§4.2 (reason codes, blocking), §5 (federation), §6.2-§6.6 (replay, downgrade, algorithm
 *   selection, timeout)</li>
 *   <li>SESSION.md §2.1-§2.2 (key derivation, ephemeral key erasure), §2.5 (limits, collisions)</li>
 *   <li>ENVELOPE.md §4.3 (signature prefixes SEMP-HANDSHAKE:, SEMP-IDENTITY:)</li>
 *   <li>CONFORMANCE.md §9.1.3 (version), VECTORS.md §4 (proof of work), §5.1 (confirmation hash)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519), RFC 7748 (X25519), RFC 8439 (ChaCha20-Poly1305), RFC 5869 (HKDF),
 * FIPS 180-4 (SHA-256), RFC 4648 §4 (base64), RFC 3339 (timestamps), RFC 8259 (JSON).
 *
 * <h2>Security</h2>
 * Talks to nothing; reads no clock (time is passed in). Ephemeral private keys are zeroed as
 * soon as the shared secret exists, and every secret is zeroed when a handshake fails or is
 * {@code abandon()}ed. Client identity never leaves encrypted form (HANDSHAKE.md §1.1). Peer text
 * is reduced to printable ASCII before it reaches a log detail; nothing secret is in a detail.
 * Solving a challenge costs up to about 2^28 hashes: run initiators off the event loop.
 */
package sempgw.core.handshake;
