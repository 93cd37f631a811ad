/**
 * What we learn about peer domains outside a session: their published domain keys and proof that
 * a federation initiator owns the domain it claims.
 *
 * <ul>
 *   <li>{@link sempgw.semp.egress.peers.HttpsDomainKeys}: discovery, then
 *   {@code GET endpoints.domain_keys} over HTTPS, {@code SEMP_DOMAIN_KEYS} parsed fail-closed,
 *   cached for the configuration's {@code ttl_seconds}. It is the {@code DomainKeyLookup} of both
 *   handshake roles and the receive pipeline's {@code SenderDomainKeys}.</li>
 *   <li>{@link sempgw.semp.egress.peers.PeerDomainProofs}: the responder's
 *   {@code DomainProofVerifier}: the HTTPS-published key, or a {@code _semp-verify} TXT record
 *   ({@link sempgw.semp.egress.peers.SempVerifyRecord}); never trust-all.</li>
 * </ul>
 *
 * <p>Limits: domain keys body 64 KiB, connect 5 s, request 10 s, 10,000 cached domains, a failed
 * fetch remembered 30 s, a key-id miss re-fetches at most once a minute.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>KEY.md §2.3 (domain keys document), §7 (rotation)</li>
 *   <li>HANDSHAKE.md §5.3 (domain key bootstrap), §5.4 (domain verification methods)</li>
 *   <li>DISCOVERY.md §3.3 ({@code domain_keys}), §3.5.2 ({@code ttl_seconds}), §5.5 (SRV target host)</li>
 *   <li>CONFORMANCE.md §4.8 (verify ownership before message 2), §9.1 (version)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519), RFC 1035 §3.3.14 (TXT), RFC 2308 (negative answers), RFC 4648 (base64),
 * RFC 9110 (HTTP semantics), RFC 8446 (TLS 1.3).
 *
 * <h2>Security</h2>
 * Talks over HTTPS to the hosts a peer's configuration names (trust from the injected store, no
 * redirects, bounded bodies) and to the configured DNS resolver. Holds only public keys. A DNS or
 * HTTPS failure never proves ownership. Logs domains and key ids, never key bytes.
 */
package sempgw.semp.egress.peers;
