/**
 * The server role: sealing outgoing envelopes (domain signature and session MAC) and the receive
 * pipeline that verifies incoming ones in the spec's order, each failure a typed reason code.
 *
 * <pre>{@code
 * SealedEnvelope sealed = new EnvelopeSealer(domainKey, SizeBuckets.standard()).sealForWire(unsigned, sessionId, envMac, random);
 * byte[] wire = sealed.wire();             // to send; sealed.canonical() to check the receipt against
 * Verdict v = new EnvelopeVerifier(senderKeys, sessions, ourKeys, policy, VerifierOptions.defaults()).receive(wire, now);
 * }</pre>
 * The collaborators are one-method interfaces the server implements over its own tables:
 * {@link sempgw.core.envelope.seal.SenderDomainKeys}, {@link sempgw.core.envelope.seal.SessionLookup},
 * {@link sempgw.core.envelope.seal.DomainDecryptionKeys}, {@link sempgw.core.envelope.seal.DeliveryPolicy}.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §4.3 (canonical form, SEMP-ENVELOPE: prefix, two-layer verification),
 *   §7.1 steps 11-13 (sealing), §7.2 steps 1-7 (receive order), §9 (acceptance, rejection,
 *   reason codes), §2.3.3 (malformed brief addresses are policy_forbidden)</li>
 *   <li>EXTENSIONS.md §3.1, §3.3, §4.1 (criticality, size limits before the signature)</li>
 *   <li>CONFORMANCE.md §4.1, §9.3.1 (server duties, expiry tolerance); SESSION.md §3.4, §5.6
 *   (rekey grace, constant-time MAC comparison)</li>
 *   <li>VECTORS.md §6.1, §8.2; SPEC-DIGEST-WIRE §3.3 (semp-go's session_id rewrite on a hop)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519), RFC 2104 and FIPS 180-4 (HMAC-SHA-256), RFC 8439 (ChaCha20-Poly1305).
 *
 * <h2>Security</h2>
 * Pure code: time is passed in, lookups are the caller's. Fails closed: no known key, no session
 * or no decryption key is a rejection, never a pass; sender keys the lookup cannot learn now are
 * the recoverable {@code server_unavailable} (KEY.md §6.4), not {@code seal_invalid}. MACs
 * compare in constant time. The brief key is destroyed after use; rejection details name checks,
 * never content.
 */
package sempgw.core.envelope.seal;
