/**
 * Policy: the consent and routing decisions of the gateway, and the one table that maps SEMP
 * outcomes to SMTP replies and DSNs.
 *
 * <ul>
 *   <li>{@link sempgw.policy.PolicyTable} gives the {@link sempgw.policy.DeliveryMode} of a
 *       recipient from the configured tables and the author's {@link sempgw.policy.SempRequireHeader}.</li>
 *   <li>{@link sempgw.policy.Router} turns the mode, the discovery result
 *       ({@link sempgw.policy.PeerStatus}) and what the gateway holds into a
 *       {@link sempgw.policy.Route}: SEMP, SMTP, defer or refuse. A DNS failure defers; it is
 *       never read as "legacy".</li>
 *   <li>{@link sempgw.policy.Outcomes} maps every SEMP reason code and local outcome to a retry
 *       class, an {@link sempgw.policy.SmtpStatus} and a DSN Action and Status;
 *       docs/outcomes.md is checked against it by a test.</li>
 * </ul>
 *
 * <p>Pure code: no I/O, no clocks, no threads; every type is immutable and safe to share.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>GATEWAY.md §4 (policy modes, author opt-in, downgrade resistance), §5 (honest outcomes)</li>
 *   <li>CLIENT.md §6.4.1 (consent before SMTP fallback), §6.4.5 (mixed recipients are split)</li>
 *   <li>ERRORS.md §2-§5 (reason codes), §13.1 (unregistered codes), §15.1 (reason text is not parsed),
 *       §15.2 (unknown codes are terminal), §15.3 (case-sensitive codes)</li>
 *   <li>DELIVERY.md §1.1.1.6 (unverifiable receipt is a transport failure), §1.3 and §2.2 (silent is
 *       retried), §2.4 (delivery deadline)</li>
 *   <li>DISCOVERY.md §4.6 (discovery statuses)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * <ul>
 *   <li>RFC 5321 §4.2 (reply codes and text), §4.3.2 (end-of-data replies), §4.5.3.1.5 (reply line length)</li>
 *   <li>RFC 3463 (enhanced status codes), RFC 2034 §4 (class agrees with the reply code)</li>
 *   <li>RFC 3464 §2.3.3, §2.3.4 (DSN Action and Status)</li>
 *   <li>RFC 5322 §3.2.2 (comments and folding white space in the SEMP-Require field)</li>
 *   <li>RFC 7505 (null MX), RFC 8689 §5 (REQUIRETLS, the analogue of semp-required)</li>
 * </ul>
 *
 * <h2>Security</h2>
 * Talks to nothing and holds no secrets. Text from peers (reasons, codes) and from resolvers is
 * sanitised to printable US-ASCII without CR or LF and bounded before it reaches a reply line or
 * a DSN, so it cannot inject SMTP replies or header fields. An inconclusive discovery result
 * defers and never sends in clear; the author's opt-in can only make a message stricter.
 */
package sempgw.policy;
