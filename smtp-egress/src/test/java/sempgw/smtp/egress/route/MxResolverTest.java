package sempgw.smtp.egress.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.TestDnsServer;
import sempgw.smtp.egress.client.Dialect;
import sempgw.smtp.egress.client.Target;
import sempgw.smtp.egress.client.TlsPolicy;

final class MxResolverTest {
    /** Short: the timeout test waits it out. */
    private static final Duration DNS_TIMEOUT = Duration.ofMillis(400);

    private final TestDnsServer dns;

    MxResolverTest() throws SocketException {
        dns = new TestDnsServer();
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private Resolution resolve(String domain, long seed) {
        return new MxResolver(dns.resolver(DNS_TIMEOUT), new Random(seed)).resolve(new Route.Mx(domain, 25, TlsPolicy.MAY, Optional.empty()));
    }

    private static List<String> hosts(Resolution r) {
        return ((Resolution.Targets) r).targets().stream().map(Target::hostName).toList();
    }

    @Test
    void resolve_mxRecords_sortedByPreference() {
        dns.mx("example.org", 20, "backup.example.org").mx("example.org", 10, "mx1.example.org")
                .a("mx1.example.org", "192.0.2.1").a("backup.example.org", "192.0.2.9");

        Resolution r = resolve("example.org", 1);

        assertThat(hosts(r)).containsExactly("mx1.example.org", "backup.example.org");
        assertThat(((Resolution.Targets) r).targets().getFirst().describe()).isEqualTo("mx1.example.org[192.0.2.1]:25");
    }

    @Test
    void resolve_equalPreferences_randomisedButStillBeforeHigher() {
        dns.mx("example.org", 10, "a.example.org").mx("example.org", 10, "b.example.org").mx("example.org", 50, "z.example.org")
                .a("a.example.org", "192.0.2.1").a("b.example.org", "192.0.2.2").a("z.example.org", "192.0.2.3");

        MxResolver resolver = new MxResolver(dns.resolver(DNS_TIMEOUT), new Random(42));
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            List<String> order = hosts(resolver.resolve(new Route.Mx("example.org", 25, TlsPolicy.MAY, Optional.empty())));
            assertThat(order.getLast()).isEqualTo("z.example.org");
            orders.add(order);
        }
        assertThat(orders).hasSize(2);
    }

    @Test
    void resolve_nullMx_permanent556() {
        dns.mx("nomail.example", 0, ".");

        Resolution r = resolve("nomail.example", 1);

        assertThat(r).isInstanceOf(Resolution.Unroutable.class);
        assertThat(((Resolution.Unroutable) r).permanent()).isTrue();
        assertThat(((Resolution.Unroutable) r).reason()).startsWith("556 5.1.10");
    }

    @Test
    void resolve_noMxRecords_fallsBackToAddressOfDomain() {
        dns.a("plain.example", "192.0.2.40");

        assertThat(hosts(resolve("plain.example", 1))).containsExactly("plain.example");
    }

    @Test
    void resolve_nxdomain_permanent() {
        Resolution r = resolve("missing.example", 1);

        assertThat(r).isEqualTo(new Resolution.Unroutable("5.1.2 domain missing.example does not exist (NXDOMAIN)", true));
    }

    @Test
    void resolve_servfail_temporary() {
        dns.servfail("broken.example");

        Resolution.Unroutable r = (Resolution.Unroutable) resolve("broken.example", 1);

        assertThat(r.permanent()).isFalse();
        assertThat(r.reason()).startsWith("4.4.3").contains("SERVFAIL");
    }

    @Test
    void resolve_timeout_temporary() {
        dns.silent("slow.example");

        Resolution.Unroutable r = (Resolution.Unroutable) resolve("slow.example", 1);

        assertThat(r.permanent()).isFalse();
        assertThat(r.reason()).startsWith("4.4.3");
    }

    @Test
    void resolve_mxHostWithoutAddress_skippedToNext() {
        dns.mx("example.org", 10, "gone.example.org").mx("example.org", 20, "mx2.example.org").a("mx2.example.org", "192.0.2.2");

        assertThat(hosts(resolve("example.org", 1))).containsExactly("mx2.example.org");
    }

    @Test
    void resolve_noMxHostHasAddress_permanent544() {
        dns.mx("example.org", 10, "gone.example.org").exists("gone.example.org");

        Resolution.Unroutable r = (Resolution.Unroutable) resolve("example.org", 1);

        assertThat(r.permanent()).isTrue();
        assertThat(r.reason()).startsWith("5.4.4");
    }

    @Test
    void resolve_mxHostServfail_temporaryNotPermanent() {
        dns.mx("example.org", 10, "flaky.example.org").servfail("flaky.example.org");

        Resolution.Unroutable r = (Resolution.Unroutable) resolve("example.org", 1);

        assertThat(r.permanent()).isFalse();
    }

    @Test
    void resolve_hostRouteAndLiteral_noMxLookup() {
        dns.mx("relay.example", 10, "other.example").a("relay.example", "192.0.2.50");
        MxResolver resolver = new MxResolver(dns.resolver(DNS_TIMEOUT), new Random(1));

        Resolution named = resolver.resolve(new Route.Host(Dialect.SMTP, "relay.example", 587, TlsPolicy.MAY, Optional.empty()));
        int before = dns.queries();
        Resolution literal = resolver.resolve(new Route.Host(Dialect.SMTP, "192.0.2.60", 25, TlsPolicy.MAY, Optional.empty()));

        assertThat(((Resolution.Targets) named).targets()).extracting(Target::describe).containsExactly("relay.example[192.0.2.50]:587");
        assertThat(((Resolution.Targets) literal).targets()).extracting(Target::describe).containsExactly("192.0.2.60[192.0.2.60]:25");
        assertThat(dns.queries()).isEqualTo(before);
    }

    @Test
    void resolve_onionDomain_permanentlyUnroutableWithoutAnyDnsQuery() {
        dns.mx("abcdefghijklmnop.onion", 10, "mx.example.org").a("mx.example.org", "192.0.2.1");

        Resolution r = resolve("abcdefghijklmnop.ONION.", 1);

        assertThat(r).isInstanceOfSatisfying(Resolution.Unroutable.class, u -> {
            assertThat(u.permanent()).isTrue();
            assertThat(u.reason()).startsWith("5.1.2").contains("onion");
        });
        assertThat(dns.queries()).isZero();
    }

    @Test
    void resolve_exchangeUnderOnion_skippedWithoutAQueryForIt() {
        dns.mx("example.org", 10, "hidden.onion").mx("example.org", 20, "mx2.example.org").a("mx2.example.org", "192.0.2.2");

        Resolution r = resolve("example.org", 1);

        assertThat(hosts(r)).containsExactly("mx2.example.org");
        assertThat(dns.queries("hidden.onion")).isZero();
    }
}
