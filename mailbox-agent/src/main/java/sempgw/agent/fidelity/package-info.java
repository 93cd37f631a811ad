/**
 * The enclosure extension {@code sempgw.dev/mime-fidelity}: the original MIME message of a
 * gateway-converted envelope, described as a tree of entities whose bodies are references to
 * the native enclosure fields (when re-encoding provably reproduces them), verbatim bytes, or
 * carrier attachments, so the receiving gateway writes the message again byte for byte and
 * S/MIME or PGP/MIME signatures still verify. Schema and rules: docs/conversion.md.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>EXTENSIONS.md §2 (entry shape, vendor namespace §2.3), §3.2 (optional: ignored by
 *   clients that do not know it), §4.1 (64 KB enclosure limit, kept by moving bodies into
 *   carrier attachments), §6.1 (definition document URL)</li>
 *   <li>ENVELOPE.md §6.1-6.4 (the enclosure fields referenced), §8 (extensions)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 2045 §6.7-6.8 (quoted-printable, base64), RFC 2046 §5.1.1 (boundaries), RFC 1847 and
 * RFC 8551 (signed and enveloped subtrees carried verbatim), RFC 3156 (PGP/MIME), RFC 8259 (JSON).
 *
 * <h2>Security</h2>
 * Pure code, no I/O. Holds message content in memory only. Reading a received extension is
 * bounded: nesting at most 24 levels, each native field used at most once (no amplification),
 * every malformed member rejected; the caller then renders the native fields instead.
 */
package sempgw.agent.fidelity;
