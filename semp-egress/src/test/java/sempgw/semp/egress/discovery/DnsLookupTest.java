package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;
import sempgw.semp.egress.testing.TestDnsServer;

final class DnsLookupTest {

    private TestDnsServer dns;
    private DnsLookup lookup;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer().zone("example.com", 3600, 120);
        lookup = new DnsLookup(dns.resolver(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void ask_records_returnedWithSmallestTtl() {
        dns.srv("_semp._tcp.example.com", 10, 10, 443, "a.example.com", 900).srv("_semp._tcp.example.com", 20, 10, 443, "b.example.com", 300);
        DnsAnswer a = lookup.ask(TestDnsServer.name("_semp._tcp.example.com"), Type.SRV).join();
        assertThat(a).isInstanceOfSatisfying(DnsAnswer.Records.class, r -> {
            assertThat(r.records()).hasSize(2).allMatch(SRVRecord.class::isInstance);
            assertThat(r.ttl()).isEqualTo(300);
        });
    }

    @Test
    void ask_nameWithOtherTypesOnly_noDataWithSoaNegativeTtl() {
        dns.txt("_semp._tcp.example.com", "v=semp1", 60);
        DnsAnswer a = lookup.ask(TestDnsServer.name("_semp._tcp.example.com"), Type.SRV).join();
        assertThat(a).isEqualTo(new DnsAnswer.NoData(java.util.OptionalLong.of(120)));
        assertThat(a.isNegative()).isTrue();
    }

    @Test
    void ask_unknownName_nxDomainWithSoaNegativeTtl() {
        DnsAnswer a = lookup.ask(TestDnsServer.name("nothing.example.com"), Type.MX).join();
        assertThat(a).isEqualTo(new DnsAnswer.NxDomain(java.util.OptionalLong.of(120)));
    }

    @Test
    void ask_negativeOutsideAnyZone_noTtl() {
        DnsAnswer a = lookup.ask(TestDnsServer.name("nothing.example.net"), Type.MX).join();
        assertThat(a).isEqualTo(new DnsAnswer.NxDomain(java.util.OptionalLong.empty()));
        assertThat(a.cacheTtl()).isEmpty();
    }

    @Test
    void ask_servfail_failureNotTimeout() {
        dns.servfail("example.com");
        DnsAnswer a = lookup.ask(TestDnsServer.name("example.com"), Type.MX).join();
        assertThat(a).isInstanceOfSatisfying(DnsAnswer.Failure.class, f -> {
            assertThat(f.timeout()).isFalse();
            assertThat(f.detail()).contains("SERVFAIL");
        });
        assertThat(a.isNegative()).isFalse();
    }

    @Test
    void ask_noAnswer_timeoutFailure() {
        dns.silent("example.com");
        DnsAnswer a = lookup.ask(TestDnsServer.name("example.com"), Type.MX).join();
        assertThat(a).isInstanceOfSatisfying(DnsAnswer.Failure.class, f -> assertThat(f.timeout()).isTrue());
    }
}
