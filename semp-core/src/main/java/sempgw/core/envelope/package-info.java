/**
 * The SEMP envelope on the wire: {@link sempgw.core.envelope.Envelope} with its
 * {@link sempgw.core.envelope.Postmark} and {@link sempgw.core.envelope.Seal}, the codec with
 * semp-go's exact field sets, the canonical bytes both seal proofs cover, size and
 * recipient-count padding, payload encryption, recipient-map unwrapping and address
 * canonicalization.
 *
 * <p>Sub-packages follow the roles: {@code brief} and {@code enclosure} are the two encrypted
 * layers; {@code compose} is the sending client (encrypt, sign the enclosure, wrap, pad, one
 * envelope per Bcc recipient); {@code seal} is the server (seal with domain signature and session
 * MAC, and the receive pipeline that verifies in the order of ENVELOPE.md §9.1 / §7.2);
 * {@code open} is the receiving client (unwrap, decrypt, verify the sender signature, forwards
 * and attachment hashes).
 *
 * <pre>{@code
 * ReceivedEnvelope in = EnvelopeCodec.decode(wireBytes, maxEnvelopeSize);
 * byte[] c = in.canonicalBytes();                  // what signature and MAC cover
 * byte[] out = EnvelopeCodec.encode(envelope);      // go-compatible wire form
 * }</pre>
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §2 (structure, address canonicalization §2.3, size padding §2.4)</li>
 *   <li>ENVELOPE.md §3 (postmark), §4 (seal, canonical form §4.3, wrapping §4.4, recipient-count
 *   padding §4.4.1), §7.1-7.2 (encryption and decryption flow), §8 (extensions), §9 (server duties)</li>
 *   <li>EXTENSIONS.md §2-§4 (entries, criticality, per-layer size limits)</li>
 *   <li>CONFORMANCE.md §9 (versions, unknown fields); ERRORS.md §12 (malformed messages are a
 *   transport 400)</li>
 *   <li>VECTORS.md §3 (canonicalization, size and recipient buckets), §6.1 (session MAC)</li>
 *   <li>SPEC-DIGEST-WIRE §2.5, §3 (semp-go field sets, wrap, padding); docs/interop.md</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8259 (JSON), RFC 4648 §4 (base64), RFC 3339 (timestamps), RFC 8439 (ChaCha20-Poly1305),
 * RFC 5890-5891 and RFC 3490 (IDN A-labels), Unicode UAX #15 (NFC).
 *
 * <h2>Security</h2>
 * Pure code: talks to nothing, reads no clock (time is passed in), draws randomness only from an
 * injected {@link sempgw.core.crypto.RandomSource}. Decoding is bounded by
 * {@code max_envelope_size} and the strict JSON parser's limits; every failure is a typed
 * {@link sempgw.core.envelope.EnvelopeFormatException}. {@code toString} of every type shows ids,
 * never addresses, content or keys. Payload keys live in {@link sempgw.core.crypto.SecretBytes}
 * and are destroyed after use.
 */
package sempgw.core.envelope;
