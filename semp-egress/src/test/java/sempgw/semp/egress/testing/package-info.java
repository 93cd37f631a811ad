/**
 * Loopback test servers, one copy of each, shared by every semp-egress test and published in the
 * module's test-jar for the tests of smtp-egress, semp-ingress, the gateway and e2e:
 * {@link sempgw.semp.egress.testing.TestDnsServer} (a table-driven DNS server on UDP, with
 * SERVFAIL and silent names), {@link sempgw.semp.egress.testing.Dnsmasq} (a real dnsmasq child
 * process), {@link sempgw.semp.egress.testing.TestHttpsServer} (the JDK's HttpsServer with a
 * programmable responder), {@link sempgw.semp.egress.testing.TestTls} (a BouncyCastle
 * self-signed certificate and the contexts that serve and trust it),
 * {@link sempgw.semp.egress.testing.LoopbackHttps} (the two together as a test class's
 * {@code @RegisterExtension}, stopped after its last test),
 * {@link sempgw.semp.egress.testing.MutableClock} and
 * {@link sempgw.semp.egress.testing.LoopbackPorts} (ports to name before a server starts, drawn
 * outside the kernel's ephemeral range).
 *
 * <p>Specification references: DISCOVERY.md §2 (the records the DNS servers publish),
 * TRANSPORT.md §4 (the HTTPS endpoints).
 *
 * <p>Standards: RFC 1035, RFC 2782 (SRV), RFC 2308 (negative answers), RFC 8446 (TLS 1.3).
 *
 * <p>Security: test code only. Everything binds to loopback; the certificates are throwaway and
 * trusted only by the context {@code TestTls} hands out; no real keys.
 */
package sempgw.semp.egress.testing;
