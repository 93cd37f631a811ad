/**
 * {@code semp-gateway demo}: the product shown end to end on one machine. {@link sempgw.app.demo.Demo}
 * starts, on 127.0.0.1 only and under a temporary directory, a mailbox host for {@code beta.test}
 * ({@link sempgw.app.demo.MailboxSink}), an authoritative DNS server for {@code alpha.test} and
 * {@code beta.test} ({@link sempgw.app.demo.DnsResponder} answering from
 * {@link sempgw.app.demo.AuthoritativeAnswers}: exactly the records {@code dns-records} prints
 * for each gateway, plus SOA, NS, MX and A records), and the two gateways
 * ({@link sempgw.app.demo.DemoNetwork}, configured by {@link sempgw.app.demo.DemoGatewayConfig}).
 * It then sends one message from {@code alice@alpha.test} to {@code bob@beta.test} into
 * alpha's SMTP port and prints each hop as the gateways report it in their own log events
 * ({@link sempgw.app.demo.HopPrinter}, {@link sempgw.app.demo.HopRecognizer}): nothing is printed
 * that was not observed.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>DISCOVERY.md §2.1, §2.2 (the SRV and TXT records served); HANDSHAKE.md §3.1, §5.4; KEY.md §2.1</li>
 *   <li>DELIVERY.md §1 (the receipt the sender verifies, reported as a hop)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 1034 §4.3.2 and RFC 1035 §4 (authoritative answers, UDP and TCP framing); RFC 2308 §2-3
 * (negative answers with the SOA); RFC 6891 (EDNS(0)); RFC 7766 (DNS over TCP); RFC 8020
 * (NXDOMAIN only for names with nothing below them); RFC 5321 (the SMTP client and the mailbox host).
 *
 * <h2>Security</h2>
 * Binds 127.0.0.1 only; the DNS server answers for the two demo zones and refuses everything
 * else (no recursion). Creates throw-away domain keys, certificates and queues under a directory
 * of its own ({@code Files.createTempDirectory}, owner-only) and deletes it at the end unless
 * {@code --keep}. Prints the demo message's headers and body (its own, made up for the run) and
 * the gateways' event lines: public key fingerprints, never keys.
 */
package sempgw.app.demo;
