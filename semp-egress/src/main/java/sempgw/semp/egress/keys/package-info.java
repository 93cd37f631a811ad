/**
 * Peers' published user keys: what composing for a recipient and verifying a sender need.
 *
 * <ul>
 *   <li>{@link sempgw.semp.egress.keys.UserKeysClient}: discovery gives {@code endpoints.keys};
 *   one {@code POST} per batch of addresses (or one {@code GET} each where the server has no
 *   batch fetch); every response verified under the peer's domain signing key
 *   ({@code HttpsDomainKeys}); revoked and expired keys dropped; cached per address for the
 *   configuration's {@code ttl_seconds}. A user without keys is an answer, not an error; every
 *   fetch, parse and signature failure is a transient {@link sempgw.semp.egress.keys.KeyLookupException}
 *   with a {@link sempgw.semp.egress.keys.KeyLookupError} code.</li>
 *   <li>{@link sempgw.semp.egress.keys.PeerRecipientKeys}: the suite to compose with for a peer
 *   and semp-core's {@code RecipientKeys} for one domain's copy.</li>
 *   <li>{@link sempgw.semp.egress.keys.PeerIdentityKeys}: semp-core's {@code IdentityKeys} for
 *   opening envelopes: the sender's identity keys from the sender's domain.</li>
 * </ul>
 *
 * <p>Both response forms are read (docs/interop.md "User key responses (reader)"): KEY.md §3.1's
 * {@code keys} with a {@code SEMP-KEYS:} response {@code signature}, and the {@code results}
 * form of CLIENT.md §5.4.3 that semp-go serves, with an unprefixed {@code origin_signature} per
 * result. Every record must carry a valid domain signature in semp-go's record form.
 *
 * <p>Limits: 32 addresses per batch, 1 MiB per response, connect 5 s, request 10 s, 10,000
 * cached addresses, "no keys" believed 5 minutes.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>KEY.md §3.1 (publication, batch POST, 405), §4.1-4.4 (request, response, records),
 *   §5.1 (domain signature), §6.1 (direct fetch), §7 (rotation), §8.2-8.4 (revocation)</li>
 *   <li>CLIENT.md §3.3 (recipient key validation), §3.4 (algorithm selection), §5.4.3-5.4.6
 *   (results form, statuses, TTLs)</li>
 *   <li>DISCOVERY.md §3.1.1, §3.2.1, §3.4 ({@code endpoints.keys}), §3.5.2 ({@code ttl_seconds}),
 *   §8.3.4 (no addresses in logs)</li>
 *   <li>ENVELOPE.md §6.5.3 (sender identity keys), §7.1 step 6, §7.3.2 (suite in
 *   {@code seal.algorithm})</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519), RFC 3986 §3.3 (path segments), RFC 4648 (base64), RFC 9110 (HTTP
 * semantics), RFC 8446 (TLS 1.3).
 *
 * <h2>Security</h2>
 * Talks over HTTPS only to the {@code keys} URL a peer's configuration names (trust from the
 * injected store, no redirects, bounded bodies); requests are anonymous and name only the asked
 * addresses. Holds public keys only. Trusts a key only after its domain signature verifies under
 * the key from the peer's HTTPS-published domain keys; a revoked key is never used for
 * encryption. Logs domains, counts and key ids, never addresses or key bytes.
 */
package sempgw.semp.egress.keys;
