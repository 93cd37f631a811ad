/**
 * Test messages generated from a seed (no large files in git) and the checks applied to what
 * arrives: {@code MessageComparison} (octet identity apart from prepended trace fields) and
 * {@code DeliveryCheck} (every message, every recipient, envelope parameters, duplicates).
 *
 * <p>Specification references: CLIENT.md §6.4.3 (SEMP upgrade-signal fields a gateway may add).
 *
 * <p>Standards: RFC 5322 (line length §2.1.1), RFC 2045 (base64 §6.8, quoted-printable §6.7),
 * RFC 2046 (multipart), RFC 2047 (encoded words), RFC 2231 (parameter values), RFC 6532 (UTF-8
 * headers), RFC 5321 §4.4 (trace fields).
 *
 * <p>Security: synthetic content only.
 */
package sempgw.e2e.corpus;
