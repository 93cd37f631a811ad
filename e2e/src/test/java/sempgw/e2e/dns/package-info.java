/**
 * Test DNS for discovery: a real dnsmasq (semp-egress's {@code Dnsmasq} fixture) serving the
 * records a gateway's {@code dns-records} prints ({@code ZoneRecords}), MX-only legacy domains,
 * and a domain that answers SERVFAIL through an upstream that fails every query
 * ({@code ServfailServer}).
 *
 * <p>Specification references: DISCOVERY.md §2 (records), §8.1 (resolvers); GATEWAY.md §4 (a DNS
 * failure is never "legacy").
 *
 * <p>Standards: RFC 1035 (messages, zone-file syntax, rcode SERVFAIL), RFC 2782 (SRV), RFC 6698
 * (TLSA).
 *
 * <p>Security: binds 127.0.0.1 only; serves the test's own names under {@code .test} (RFC 2606).
 */
package sempgw.e2e.dns;
