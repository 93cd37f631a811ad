package sempgw.smtp.egress.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.smtp.egress.client.Dialect;
import sempgw.smtp.egress.client.TlsPolicy;

final class NextHopTest {

    @Test
    void parse_bracketedHostWithPort_hostRouteWithoutMx() {
        assertThat(NextHop.parse("[10.0.0.5]:2525", TlsPolicy.MAY))
                .isEqualTo(new Route.Host(Dialect.SMTP, "10.0.0.5", 2525, TlsPolicy.MAY, Optional.empty()));
        assertThat(NextHop.parse("smtp:[Relay.Example]", TlsPolicy.ENCRYPT).destination()).isEqualTo("smtp:[relay.example]:25");
    }

    @Test
    void parse_bareDomain_mxRoute() {
        assertThat(NextHop.parse("example.org", TlsPolicy.MAY)).isEqualTo(new Route.Mx("example.org", 25, TlsPolicy.MAY, Optional.empty()));
        assertThat(NextHop.parse("example.org:2525", TlsPolicy.MAY).destination()).isEqualTo("smtp:example.org:2525");
    }

    @Test
    void parse_ipv6Literal_prefixStripped() {
        Route route = NextHop.parse("[IPv6:2001:db8::5]:25", TlsPolicy.NONE);
        assertThat(route).isEqualTo(new Route.Host(Dialect.SMTP, "2001:db8::5", 25, TlsPolicy.NONE, Optional.empty()));
    }

    @Test
    void parse_lmtpForms() {
        assertThat(NextHop.parse("lmtp:[mailstore.internal]", TlsPolicy.NONE))
                .isEqualTo(new Route.Host(Dialect.LMTP, "mailstore.internal", 24, TlsPolicy.NONE, Optional.empty()));
        assertThat(NextHop.parse("lmtp:unix:/run/dovecot/lmtp", TlsPolicy.MAY)).isEqualTo(new Route.Unix(Path.of("/run/dovecot/lmtp")));
    }

    @Test
    void parse_malformed_clearReasons() {
        assertThatThrownBy(() -> NextHop.parse("[10.0.0.5", TlsPolicy.MAY)).hasMessageContaining("brackets");
        assertThatThrownBy(() -> NextHop.parse("[10.0.0.5]:99999", TlsPolicy.MAY)).hasMessageContaining("bad port");
        assertThatThrownBy(() -> NextHop.parse("[host]x", TlsPolicy.MAY)).hasMessageContaining(":port");
        assertThatThrownBy(() -> NextHop.parse("lmtp:unix:relative", TlsPolicy.MAY)).hasMessageContaining("absolute");
        assertThatThrownBy(() -> NextHop.parse("", TlsPolicy.MAY)).hasMessageContaining("bad host");
    }
}
