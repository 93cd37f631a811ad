/**
 * The enclosure: subject, body, attachments and forwards, encrypted for the recipient client only,
 * and the identity-key signatures over it (sender signature, forwarder attestation).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §6 (schema §6.1-6.4, sender signature §6.5, forwarded envelopes §6.6)</li>
 *   <li>ENVELOPE.md §4.3 (signature domain separation: SEMP-ENCLOSURE-SENDER:,
 *   SEMP-FORWARDER-ATTESTATION:), §7.2 steps 10-12 (client verification)</li>
 *   <li>SPEC-DIGEST-WIRE §2.5, §3.1 (semp-go's enclosure field set and signing)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519), RFC 8259 (JSON), FIPS 180-4 (attachment hashes).
 *
 * <h2>Security</h2>
 * Pure code. Enclosure content is end-to-end private: never log it; {@code toString} shows types
 * and counts only. Signatures are verified over the received tree, failing closed on any
 * malformed block.
 */
package sempgw.core.envelope.enclosure;
