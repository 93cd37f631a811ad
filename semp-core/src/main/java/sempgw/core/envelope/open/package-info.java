/**
 * The receiving client (here: the gateway's mailbox agent): unwrap the payload keys with the
 * user's encryption key, decrypt brief and enclosure, verify the sender's identity signature,
 * a forwarding chain and attachment hashes, and fail closed on anything else.
 *
 * <pre>{@code
 * OpenedEnvelope m = new EnvelopeOpener(List.of(userKey), identityKeys, Set.of()).open(received.envelope());
 * // a custodial agent beside the receiving server, reusing the brief it accepted:
 * OpenedEnvelope c = opener.openWithServerBrief(accepted.envelope().envelope(), accepted.brief());
 * }</pre>
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §7.2 steps 8-12 (client decryption flow), §6.5.3 (sender signature
 *   verification), §6.6.3-6.6.5 (forwarder attestation, chain verification), §6.3 (attachments),
 *   §4.4.1 (locating one's entry by fingerprint)</li>
 *   <li>EXTENSIONS.md §3.1, §4.1 (required extensions, 64 KB enclosure limit)</li>
 *   <li>SPEC-DIGEST-WIRE §3.1-3.2 (payload and wrap bytes)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 7748 (X25519), RFC 8439 (ChaCha20-Poly1305), RFC 5869 (HKDF), RFC 8032 (Ed25519),
 * FIPS 180-4 (SHA-256/512).
 *
 * <h2>Security</h2>
 * Pure code. Holds the user's private keys only by reference; payload keys are destroyed after
 * use. The plaintext it returns is end-to-end private mail: never log it. Errors name the check,
 * never content.
 */
package sempgw.core.envelope.open;
