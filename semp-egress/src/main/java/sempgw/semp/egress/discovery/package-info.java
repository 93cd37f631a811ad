/**
 * SEMP discovery for the sending side: does a recipient domain speak SEMP, which server handles
 * it, and what does that server offer.
 *
 * <p>{@link sempgw.semp.egress.discovery.SempDiscovery#discover(String)} answers with a
 * {@link sempgw.semp.egress.discovery.DiscoveryResult}: {@code Semp} (the validated configuration
 * document and the ordered SRV targets), {@code Legacy} (deliver by SMTP), {@code OtherMajor}
 * (SEMP, but only another major version; the policy decides), {@code NotFound} (permanent) or
 * {@code Temporary} (retry later). The flow (DISCOVERY.md §5.1, §7):
 *
 * <ol>
 *   <li>Cache; entries never outlive their TTL (DISCOVERY.md §6.1). {@code .onion} names never
 *       reach DNS (DISCOVERY.md §2.5.2).</li>
 *   <li>{@code _semp._tcp.<domain>} SRV and TXT, and {@code _semp.<domain>} TXT, asked together.
 *       A timeout, SERVFAIL or any other DNS failure is {@code Temporary}, never "no records".</li>
 *   <li>SEMP signalled (SRV or a {@code v=semp1} TXT): the configuration document from
 *       {@code https://<srv-target>:<port>/.well-known/semp/configuration}, targets tried in
 *       RFC 2782 order (DISCOVERY.md §5.5). If no target yields a valid document the result is
 *       {@code Temporary}: a domain that publishes SEMP records is never downgraded to SMTP
 *       because its server is down, its certificate fails or its document is broken.</li>
 *   <li>Another major version only (CONFORMANCE.md §9.1.3): a capability TXT with {@code v=semp2}
 *       (or any {@code v=sempN} but 1) and no {@code v=semp1}, or, where no TXT names the major,
 *       documents of another major on every target, including the well-known URI of step 4.
 *       The domain is non-SEMP for us: {@code OtherMajor}, cached like a SEMP answer, with the
 *       SMTP check of step 5 saying whether it has a fallback route. Beside {@code v=semp1}
 *       other majors are ignored, and a document of another major is a broken one
 *       ({@code Temporary}).</li>
 *   <li>No SEMP records: the well-known URI on the domain itself (DISCOVERY.md §3, §5.5). Only a
 *       document that declares {@code "type":"SEMP_CONFIGURATION"} counts as SEMP there; a 404,
 *       a web page or an unreachable host mean "no SEMP".</li>
 *   <li>No SEMP at all: MX, then A/AAAA (RFC 5321 §5.1 implicit MX). Mail records -&gt;
 *       {@code Legacy}; NXDOMAIN, a null MX (RFC 7505) or no records -&gt; {@code NotFound}.</li>
 *   <li>A domain seen speaking SEMP stays pinned for a configured period (GATEWAY.md §4): losing
 *       its records, or declaring only another major version, inside that period is
 *       {@code Temporary}, unless its SRV says the service is decidedly not available (target
 *       ".", RFC 2782). Pins and accepted revisions survive
 *       restarts when discovery is given a {@link sempgw.semp.egress.discovery.PinJournal} file.</li>
 * </ol>
 *
 * <p>{@link sempgw.semp.egress.discovery.DnsRecords} prints the records an operator publishes
 * for the gateway's own domain, in zone-file syntax.
 *
 * <p>Specification references:
 * <ul>
 *   <li>DISCOVERY.md §2.1-§2.3 (SRV, TXT capability record), §2.5 (.onion), §3-§3.2.1
 *       (configuration document), §3.5 (revision, ttl_seconds, fail closed), §5.1, §5.5, §5.6
 *       (flow, configuration host), §6.1 (caching), §7 (legacy and not_found), §8.2 (cross-check)</li>
 *   <li>HANDSHAKE.md §3.1 ({@code _semp.<domain>} TXT: handshake-ttl, min-ttl, max-ttl), §5.3</li>
 *   <li>KEY.md §2.1 ({@code _semp-key._tcp} TLSA), §5.5</li>
 *   <li>TRANSPORT.md §4, §5.1 (h2 mandatory, transport advertisement)</li>
 *   <li>CONFORMANCE.md §4.4 (discovery), §4.5 (DANE), §9.1.2, §9.1.3 (major version declared, another one is non-SEMP)</li>
 * </ul>
 *
 * <p>Standards: RFC 2782 (SRV), RFC 1035 §3.3.14 and §5 (TXT, zone files), RFC 2308 (negative
 * caching), RFC 5321 §5.1 (implicit MX), RFC 7505 (null MX), RFC 6698 and RFC 7671 (TLSA),
 * RFC 5280 §4.1.2.7 (SubjectPublicKeyInfo), RFC 8410 (Ed25519 SPKI), RFC 9113 (HTTP/2),
 * RFC 8446 (TLS 1.3).
 *
 * <p>Security: talks to the configured DNS resolver and, over HTTPS only, to the configuration
 * host of a recipient domain; holds no keys and no message content. The fetch is anonymous (no
 * sender, no address; DISCOVERY.md §1.2), follows no redirects, reads at most a fixed number of
 * bytes and trusts only the injected TLS trust store. Logs name domains, never addresses. The pin
 * journal lists the SEMP domains we have sent to: it is written owner-only (0600) and holds
 * nothing else.
 */
package sempgw.semp.egress.discovery;
