package sempgw.semp.egress.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.TestDnsServer;

/** TXT answers through dnsjava against the in-process DNS server: records, none, and failures that are never "none". */
final class DnsTxtLookupTest {

    private TestDnsServer dns;
    private DnsTxtLookup lookup;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer();
        dns.zone("a.example", 300, 300);
        lookup = new DnsTxtLookup(dns.resolver(), Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void txt_splitStrings_concatenated() {
        dns.txtStrings("_semp-verify.a.example", List.of("v=semp1;id=srv-a;", "s=abc"), 300);
        assertThat(lookup.txt("_semp-verify.a.example")).isEqualTo(new TxtLookup.Answer.Found(List.of("v=semp1;id=srv-a;s=abc")));
    }

    @Test
    void txt_noRecord_none() {
        assertThat(lookup.txt("_semp-verify.a.example")).isEqualTo(new TxtLookup.Answer.None());
    }

    @Test
    void txt_servfail_failed() {
        dns.servfail("_semp-verify.a.example");
        assertThat(lookup.txt("_semp-verify.a.example")).isInstanceOf(TxtLookup.Answer.Failed.class);
    }

    @Test
    void txt_noAnswerInTime_failed() {
        dns.silent("_semp-verify.a.example");
        assertThat(lookup.txt("_semp-verify.a.example")).isInstanceOf(TxtLookup.Answer.Failed.class);
    }
}
