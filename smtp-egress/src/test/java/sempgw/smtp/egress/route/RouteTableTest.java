package sempgw.smtp.egress.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.smtp.egress.client.Credentials;
import sempgw.smtp.egress.client.Dialect;
import sempgw.smtp.egress.client.TlsPolicy;

final class RouteTableTest {

    private static final RouteTable TABLE = RouteTable.parse(List.of(
            "# per-domain routes",
            "example.org -> [10.0.0.5]:25",
            ".example.org -> [10.0.0.6]:25",
            "corp.example -> lmtp:unix:/run/lmtp tls=none",
            "partner.test -> partner.test:2525 tls=verify",
            "",
            "* -> [smarthost.example]:587 tls=encrypt"), TlsPolicy.MAY);

    @Test
    void lookup_exactDomain_thatRoute() {
        assertThat(TABLE.lookup("example.org")).contains(new Route.Host(Dialect.SMTP, "10.0.0.5", 25, TlsPolicy.MAY, Optional.empty()));
        assertThat(TABLE.lookup("Partner.Test").orElseThrow().tls()).isEqualTo(TlsPolicy.VERIFY);
    }

    @Test
    void lookup_subdomain_parentPattern() {
        assertThat(TABLE.lookup("a.b.example.org").orElseThrow().destination()).isEqualTo("smtp:[10.0.0.6]:25");
    }

    @Test
    void lookup_unknownDomain_wildcard() {
        Route route = TABLE.lookup("elsewhere.test").orElseThrow();
        assertThat(route.destination()).isEqualTo("smtp:[smarthost.example]:587");
        assertThat(route.tls()).isEqualTo(TlsPolicy.ENCRYPT);
        assertThat(RouteTable.empty().lookup("elsewhere.test")).isEmpty();
    }

    @Test
    void withCredentials_smarthost_addsLoginAndSeparatesPoolKey() {
        RouteTable withLogin = TABLE.withCredentials("smtp:[smarthost.example]:587", new Credentials("gw", "secret"));

        Route route = withLogin.lookup("elsewhere.test").orElseThrow();
        assertThat(route.credentials()).contains(new Credentials("gw", "secret"));
        assertThat(route.poolKey()).isEqualTo("smtp:[smarthost.example]:587/ENCRYPT/gw");
        assertThat(route.credentials().orElseThrow().toString()).doesNotContain("secret");
        assertThatThrownBy(() -> TABLE.withCredentials("smtp:[nowhere]:25", new Credentials("a", "b"))).hasMessageContaining("no route");
    }

    @Test
    void parse_badLines_reportLineNumber() {
        assertThatThrownBy(() -> RouteTable.parse(List.of("ok.test -> [h]", "broken line"), TlsPolicy.MAY))
                .hasMessageContaining("line 2").hasMessageContaining("->");
        assertThatThrownBy(() -> RouteTable.parse(List.of("a.test -> [h] tls=maybe"), TlsPolicy.MAY)).hasMessageContaining("tls=");
        assertThatThrownBy(() -> RouteTable.parse(List.of("a.test -> [h]", "A.test -> [i]"), TlsPolicy.MAY)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> RouteTable.parse(List.of("a.test -> [h] color=red"), TlsPolicy.MAY)).hasMessageContaining("unknown option");
    }

    @Test
    void routeResolver_tableThenMxThenLiteral() {
        RouteResolver resolver = new RouteResolver(RouteTable.parse(List.of("example.org -> [10.0.0.5]"), TlsPolicy.MAY), TlsPolicy.MAY, 25);

        assertThat(resolver.route("EXAMPLE.org").destination()).isEqualTo("smtp:[10.0.0.5]:25");
        assertThat(resolver.route("other.test")).isEqualTo(new Route.Mx("other.test", 25, TlsPolicy.MAY, Optional.empty()));
        assertThat(resolver.route("[192.0.2.7]")).isEqualTo(new Route.Host(Dialect.SMTP, "192.0.2.7", 25, TlsPolicy.MAY, Optional.empty()));
        assertThat(resolver.route("[IPv6:2001:db8::7]").destination()).isEqualTo("smtp:[2001:db8::7]:25");
    }
}
