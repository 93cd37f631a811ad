/**
 * The gateway's SEMP side, assembled by hand from the SEMP modules and started as one
 * {@link sempgw.app.semp.SempNode}: the domain keys opened for {@code semp.domain}
 * ({@link sempgw.app.semp.SempKeys}) and the SEMP sender queue
 * ({@link sempgw.app.semp.SempComponents}); the user key directory
 * ({@link sempgw.app.semp.SempUserKeys}); peer discovery, peer domain keys and domain proofs
 * ({@link sempgw.app.semp.SempPeers}); the receiving side ({@link sempgw.app.semp.SempInbound}:
 * session table, receive pipeline into the inbox queue, federation responder configured by
 * {@link sempgw.app.semp.SempFederation}); the HTTPS listener with its documents
 * ({@link sempgw.app.semp.SempServer}, {@link sempgw.app.semp.SempDocuments}); the sender
 * ({@link sempgw.app.semp.SempSender}: queue manager, delivery agent, federation client,
 * DELIVERY.md §2.3 retry schedule) fed by {@link sempgw.app.semp.SempOutbox}; and the DNS
 * records an operator publishes ({@link sempgw.app.semp.DnsZone}).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>DISCOVERY.md §2.1 (SRV), §2.2 (capability TXT); HANDSHAKE.md §3.1 (session TXT)</li>
 *   <li>HANDSHAKE.md §5.4 ({@code _semp-verify} TXT); KEY.md §2.1 ({@code _semp-key._tcp} TLSA)</li>
 *   <li>DELIVERY.md §2.3, §2.4 (the sender queue's retry schedule and horizon), §5.2 (block entries)</li>
 *   <li>HANDSHAKE.md §2.2a (proof of work), §6.4 (accepted suites); DISCOVERY.md §3.1.1 (advertised URLs)</li>
 *   <li>HANDSHAKE.md §5.3, §5.4 and CONFORMANCE.md §4.8 (initiator domain proofs); CONFORMANCE.md §4.2 (session sweep)</li>
 *   <li>DELIVERY.md §3 (receive pipeline), §6.4 (first contact), §6.5.1 (rate limit); KEY.md §3, §5.1 (user keys)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 1035 §5 (zone files), RFC 2782 (SRV), RFC 6698 and RFC 7671 (TLSA), RFC 8032 (Ed25519).
 *
 * <h2>Security</h2>
 * Holds the domain private keys for the gateway's lifetime and destroys them on close; prints
 * and logs public keys, fingerprints and signatures only (queue ids, domains, reason codes;
 * never envelope content). Reads the key files, the user key journal and the three queue
 * directories under the data directory, and keeps there which peer domains each local user
 * corresponds with ({@code semp-known-correspondents}: address and domain pairs, no content). The listener accepts peers on {@code semp.listen}; the
 * sender and the peer key lookups talk HTTPS to peers' discovered SEMP servers only, trusting
 * the platform's CAs plus {@code semp.trust_file}; DNS goes to {@code semp.dns_resolver}.
 */
package sempgw.app.semp;
