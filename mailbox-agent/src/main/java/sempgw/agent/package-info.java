/**
 * The mailbox agent's conversion between MIME and SEMP content: the custodial SEMP client of
 * each legacy mailbox turns a queued SMTP message into the brief and enclosure of one delivery
 * batch ({@link sempgw.agent.MimeToSemp}) and an opened envelope into the MIME message for the
 * mailbox ({@link sempgw.agent.SempToMime}), with one {@code SEMP-Verification} header
 * ({@link sempgw.agent.VerificationHeader}). Between two gateways the original message survives
 * byte for byte through the {@code sempgw.dev/mime-fidelity} enclosure extension
 * ({@code sempgw.agent.fidelity}); native SEMP clients read the ordinary fields. The mapping,
 * field by field, is in docs/conversion.md.
 *
 * <p>Limits ({@link sempgw.agent.ConversionLimits}): message 64 MiB; header section 256 KiB;
 * header field 100 KiB; nesting 20; parts 1000. Each refusal is a
 * {@link sempgw.agent.ConversionException} with a reason code ({@link sempgw.agent.ConversionError}).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §2.3 (address canonicalization), §5 (brief, Bcc copies §5.3), §6 (enclosure,
 *   content types §6.4, sender signature failure §6.5.3), §8 (extensions)</li>
 *   <li>CLIENT.md §3.6 (threading), §4.3.3 (origin indicator), §6.4.2 (MIME composition), §6.4.3
 *   (SEMP-* headers), §6.4.4 (thread continuity, {@code legacy:} and {@code @semp.example} ids)</li>
 *   <li>EXTENSIONS.md §2.3 (vendor namespace), §3.2 (optional entries), §4.1 (size limits)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 5322, RFC 6532, RFC 2045-2047, RFC 2183, RFC 2231, RFC 2387, RFC 1847, RFC 3156, RFC
 * 8551, RFC 3834 (Auto-Submitted), RFC 8601 (Authentication-Results, not carried), RFC 6152
 * and RFC 6531 ({@link sempgw.agent.MessageTraits}).
 *
 * <h2>Security</h2>
 * Pure code: no network, no files, no clock (time comes in the contexts), no logging. Holds
 * decrypted content in memory only for the call. Never writes postmark, seal or ciphertext into
 * MIME; never renders content whose sender signature failed; removes every carried
 * {@code SEMP-*}, trace and {@code Bcc} field; a carried {@code From} outside the verified
 * sender's domain is replaced. {@code toString} of every type shows ids and counts, never
 * addresses or content.
 */
package sempgw.agent;
