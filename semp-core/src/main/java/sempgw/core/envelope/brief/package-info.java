/**
 * The brief: the encrypted inner header (sender, recipients, time, threading) that the recipient
 * server decrypts for delivery and policy and the recipient client for display.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §5 (schema, Bcc handling §5.3, message id vs postmark id §5.4)</li>
 *   <li>ENVELOPE.md §2.3 (canonical addresses), §4.4 (encryption under K_brief)</li>
 *   <li>SPEC-DIGEST-WIRE §2.5 (semp-go's brief field set)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8259 (JSON), RFC 3339 (timestamps).
 *
 * <h2>Security</h2>
 * Pure code. A brief is the correspondent graph of one message: never log it; {@code toString}
 * shows the message id only.
 */
package sempgw.core.envelope.brief;
