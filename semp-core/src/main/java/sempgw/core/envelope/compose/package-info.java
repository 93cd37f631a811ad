/**
 * The sending client: a {@link sempgw.core.envelope.compose.Draft} (brief and enclosure) becomes
 * unsigned envelopes, one per recipient domain and one per Bcc recipient, with the enclosure
 * signed by the sender's identity key, fresh payload keys wrapped for every recipient, dummy
 * recipient entries and size padding.
 *
 * <pre>{@code
 * EnvelopeComposer composer = new EnvelopeComposer(ComposeOptions.defaults(suite), random, PostmarkIds.ulid(now, random));
 * List<ComposedEnvelope> out = composer.compose(draft, Sender.of(identityKey), recipientKeys, sessionId, now);
 * }</pre>
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §7.1 steps 1-10 (encryption flow), §4.4-4.5 (wrapping, fresh keys),
 *   §4.4.1 (recipient-count padding), §2.4 (size padding), §5.3 (Bcc copies), §6.5 (sender
 *   signature), §2.3.3 (canonical addresses only)</li>
 *   <li>EXTENSIONS.md §4.1 (extension size limits); CONFORMANCE.md §9.3.1 (expiry headroom)</li>
 *   <li>SPEC-DIGEST-WIRE §3.1-3.2 (payload and wrap bytes, semp-go's home-server wrap)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 7748 (X25519), RFC 8439 (ChaCha20-Poly1305), RFC 5869 (HKDF), RFC 8032 (Ed25519).
 *
 * <h2>Security</h2>
 * Pure code: no clock, no I/O; randomness from the injected source. The drafts it reads are
 * plaintext mail: never log them. {@code K_brief} and {@code K_enclosure} are destroyed after
 * each envelope; the identity key stays with the caller.
 */
package sempgw.core.envelope.compose;
