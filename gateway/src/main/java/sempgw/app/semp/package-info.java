/**
 * The gateway's SEMP side, assembled by hand from the SEMP modules: the domain keys opened for
 * {@code semp.domain} ({@link sempgw.app.semp.SempKeys}) and the SEMP sender queue
 * ({@link sempgw.app.semp.SempComponents}); the HTTPS listener with its documents
 * ({@link sempgw.app.semp.SempServer}, {@link sempgw.app.semp.SempDocuments}), given a federation
 * endpoint configured by {@link sempgw.app.semp.SempFederation}; the sender ({@link sempgw.app.semp.SempSender}: queue manager, delivery agent,
 * federation client, DELIVERY.md §2.3 retry schedule); and the DNS records an operator publishes
 * ({@link sempgw.app.semp.DnsZone}).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>DISCOVERY.md §2.1 (SRV), §2.2 (capability TXT); HANDSHAKE.md §3.1 (session TXT)</li>
 *   <li>HANDSHAKE.md §5.4 ({@code _semp-verify} TXT); KEY.md §2.1 ({@code _semp-key._tcp} TLSA)</li>
 *   <li>DELIVERY.md §2.3, §2.4 (the sender queue's retry schedule and horizon), §5.2 (block entries)</li>
 *   <li>HANDSHAKE.md §2.2a (proof of work), §6.4 (accepted suites); DISCOVERY.md §3.1.1 (advertised URLs)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 1035 §5 (zone files), RFC 2782 (SRV), RFC 6698 and RFC 7671 (TLSA), RFC 8032 (Ed25519).
 *
 * <h2>Security</h2>
 * Holds the domain private keys for the gateway's lifetime and destroys them on close; prints
 * and logs public keys, fingerprints and signatures only. Reads the key files and the queue
 * directory under the data directory. The listener accepts peers on {@code semp.listen}; the
 * sender talks HTTPS to peers' discovered SEMP servers only, trusting the platform's CAs.
 */
package sempgw.app.semp;
