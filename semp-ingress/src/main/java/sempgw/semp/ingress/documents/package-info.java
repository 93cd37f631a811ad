/**
 * The documents a SEMP server publishes over HTTPS: the configuration document with a revision
 * that rises on every change and survives restarts, the domain keys document, and signed user key
 * responses with revocations, served through {@link sempgw.semp.ingress.documents.Documents}.
 *
 * <p>Endpoints advertised are exactly those served (DISCOVERY.md §3.2.1): federation over h2 and,
 * when the listener serves it ({@code DocumentSettings.transports}, default both), WebSocket at
 * {@code /v1/federate}, {@code /.well-known/semp/domain-keys}, and
 * {@code /.well-known/semp/keys/} (GET per address, POST batch). User keys come from a
 * {@link sempgw.semp.ingress.documents.UserKeyDirectory}, which by construction cannot tell an
 * unknown address from one without keys (DESIGN.md §2.7).
 * {@link sempgw.semp.ingress.documents.InMemoryUserKeyDirectory} is the gateway's implementation:
 * it signs records with the domain key, keeps revocations forever (KEY.md §8.4) and writes every
 * change ahead to a {@link sempgw.semp.ingress.documents.DirectoryJournal}, durably with
 * {@link sempgw.semp.ingress.documents.FileDirectoryJournal}.
 *
 * <p>Limits (defaults): {@code ttl_seconds} 3600 (60..604800); {@code max_envelope_size}
 * 26214400; 100 addresses per batch request (413 above); 64 KiB per batch body (413 above).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>DISCOVERY.md §3, §3.1, §3.1.1-§3.1.4, §3.2, §3.2.1, §3.3, §3.4, §3.5.1, §3.5.2</li>
 *   <li>KEY.md §2.3 (domain keys), §3.1 (user keys, batch), §3.2 (first-contact policy),
 *   §4.2-§4.4 (request, response, records), §5.1 (response signature), §8 (revocation)</li>
 *   <li>DESIGN.md §2.7 (per-address existence is not observable)</li>
 *   <li>ENVELOPE.md §2.3 (address canonical form)</li>
 *   <li>docs/interop.md: configuration endpoints, domain encryption keys, user key responses</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8259 (JSON), RFC 8032 (Ed25519),
 * RFC 3339 (timestamps), RFC 9110 (status codes 400, 413).
 *
 * <h2>Security</h2>
 * Holds the domain signing key to sign key records and responses; publishes only public keys.
 * Talks to nothing but its data directory, created owner-only (0700) when missing: the revision
 * file and, when used, the directory journal, which holds only public keys and signatures.
 * Never logs addresses or keys.
 */
package sempgw.semp.ingress.documents;
