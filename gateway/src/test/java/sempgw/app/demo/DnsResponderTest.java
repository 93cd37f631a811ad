package sempgw.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Real queries over UDP and TCP on loopback, sent with dnsjava's stub resolver as the gateways send them. */
final class DnsResponderTest {
    DnsResponder server;
    SimpleResolver resolver;

    @BeforeEach
    void start() throws Exception {
        server = DnsResponder.start(List.of(AuthoritativeAnswersTest.zone("alpha.test"), AuthoritativeAnswersTest.zone("beta.test")));
        resolver = new SimpleResolver(server.address());
        resolver.setTimeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void udp_srvQuery_answered() throws Exception {
        Message r = resolver.send(AuthoritativeAnswersTest.query("_semp._tcp.beta.test.", Type.SRV));

        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getSection(Section.ANSWER)).singleElement().isInstanceOfSatisfying(SRVRecord.class,
                srv -> assertThat(srv.getTarget().toString()).isEqualTo("localhost."));
    }

    @Test
    void tcp_txtQuery_answered() throws Exception {
        resolver.setTCP(true);

        Message r = resolver.send(AuthoritativeAnswersTest.query("_semp._tcp.alpha.test.", Type.TXT));

        assertThat(r.getSection(Section.ANSWER)).singleElement().isInstanceOfSatisfying(TXTRecord.class,
                txt -> assertThat(txt.getStrings()).containsExactly("v=semp1;c=h2,ws"));
    }

    @Test
    void udp_answerTooLarge_resolverRetriesOverTcpAndGetsAll() throws Exception {
        resolver.setEDNS(-1);

        Message r = resolver.send(AuthoritativeAnswersTest.query("big.alpha.test.", Type.TXT));

        assertThat(r.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(r.getSection(Section.ANSWER)).singleElement().isInstanceOfSatisfying(TXTRecord.class,
                txt -> assertThat(txt.getStrings()).hasSize(3));
    }

    @Test
    void udp_nxdomainAndRefused_asTheZoneSays() throws Exception {
        assertThat(resolver.send(AuthoritativeAnswersTest.query("nobody.beta.test.", Type.SRV)).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(resolver.send(AuthoritativeAnswersTest.query("www.example.com.", Type.A)).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void garbage_overUdpAndTcp_serverKeepsServing() throws Exception {
        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] junk = {1, 2, 3, 4, 5};
            udp.send(new DatagramPacket(junk, junk.length, server.address()));
        }
        try (Socket tcp = new Socket(server.address().getAddress(), server.address().getPort())) {
            tcp.getOutputStream().write(new byte[] {0, 20, 9, 9, 9});
            tcp.shutdownOutput();
            assertThat(tcp.getInputStream().read()).isEqualTo(-1);
        }

        assertThat(resolver.send(AuthoritativeAnswersTest.query("alpha.test.", Type.SOA)).getRcode()).isEqualTo(Rcode.NOERROR);
    }
}
