/**
 * JSON for SEMP: a strict parser producing an immutable tree, and the canonical writer whose bytes
 * every SEMP signature, MAC and confirmation hash covers.
 *
 * <p>{@link sempgw.core.json.JsonParser} rejects anything it cannot represent exactly: invalid
 * UTF-8, lone surrogates, duplicate keys, trailing data, and input beyond its
 * {@link sempgw.core.json.JsonParser.Options limits}. Every failure is a checked
 * {@link sempgw.core.json.JsonException} with a {@link sempgw.core.json.JsonError} reason; the
 * parser never throws unchecked exceptions and never recurses without a depth bound.
 *
 * <p>{@link sempgw.core.json.CanonicalJson} writes the canonical form: keys sorted by UTF-8 bytes
 * at every level, no whitespace, numbers verbatim, strings escaped exactly as semp-go's
 * {@code encoding/json} does, with optional {@link sempgw.core.json.Elision elisions} (a field set
 * to {@code ""} or deleted) applied while writing. It is also the only writer: SEMP peers send
 * canonical bytes anyway. {@link sempgw.core.json.ElidedCanonical} keeps where an elision's
 * members go, so a document that is signed elided and sent whole is canonicalized once.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §4.3 (signature scope and canonicalization)</li>
 *   <li>CONFORMANCE.md §4.1, §9.4 (canonical form, UTF-8 JSON messages)</li>
 *   <li>VECTORS.md §3.1, §3.2 (canonicalization vectors)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8259 (JSON), RFC 3629 (UTF-8). Escaping follows Go {@code encoding/json} with HTML escaping,
 * the de-facto SEMP rule (see docs/interop.md).
 *
 * <h2>Security</h2>
 * Talks to nothing. Holds one reusable output buffer per thread, zeroed after every call (a
 * canonical form can hold message content). Parses untrusted peer input under explicit size,
 * depth, string and number limits; work is linear in the input size.
 */
package sempgw.core.json;
