package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HttpRoutesTest {

    @Test
    void resolve_documentPaths_onEitherProtocol() {
        for (boolean h2 : new boolean[] {true, false}) {
            assertThat(HttpRoutes.resolve(HttpMethod.GET, "/.well-known/semp/configuration", h2))
                    .isEqualTo(new HttpRoute.Configuration());
            assertThat(HttpRoutes.resolve(HttpMethod.GET, "/.well-known/semp/domain-keys?v=2", h2))
                    .isEqualTo(new HttpRoute.DomainKeys());
            assertThat(HttpRoutes.resolve(HttpMethod.POST, "/.well-known/semp/keys/", h2))
                    .isEqualTo(new HttpRoute.UserKeysBatch());
        }
    }

    @Test
    void resolve_userKeys_percentDecodedAndPlusKept() {
        assertThat(HttpRoutes.resolve(HttpMethod.GET, "/.well-known/semp/keys/b%C3%A9a+x%40example.org", true))
                .isEqualTo(new HttpRoute.UserKeys("béa+x@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%4", "a%zz@x", "%C3%28@x", "a%00b@x", "a%0Ab@x"})
    void resolve_userKeysWithBadEncoding_badRequest(String encoded) {
        assertThat(HttpRoutes.resolve(HttpMethod.GET, HttpRoutes.KEYS + encoded, true))
                .isInstanceOf(HttpRoute.BadRequest.class);
    }

    @Test
    void resolve_userKeysLongerThanAnAddress_badRequest() {
        String local = "a".repeat(64);
        String fits = local + "@" + "d".repeat(255);
        assertThat(HttpRoutes.resolve(HttpMethod.GET, HttpRoutes.KEYS + fits, true)).isInstanceOf(HttpRoute.UserKeys.class);
        assertThat(HttpRoutes.resolve(HttpMethod.GET, HttpRoutes.KEYS + fits + "d", true)).isInstanceOf(HttpRoute.BadRequest.class);
        assertThat(HttpRoutes.resolve(HttpMethod.GET, HttpRoutes.KEYS + "%61".repeat(400), true)).isInstanceOf(HttpRoute.BadRequest.class);
    }

    @Test
    void resolve_userKeysWithSubPath_notFound() {
        assertThat(HttpRoutes.resolve(HttpMethod.GET, HttpRoutes.KEYS + "a@x/b", true)).isEqualTo(new HttpRoute.NotFound());
    }

    @Test
    void resolve_federate_tunnelOnH2_upgradeOnHttp11() {
        assertThat(HttpRoutes.resolve(HttpMethod.POST, "/v1/federate", true)).isEqualTo(new HttpRoute.Tunnel());
        assertThat(HttpRoutes.resolve(HttpMethod.POST, "/v1/handshake", true)).isEqualTo(new HttpRoute.Tunnel());
        assertThat(HttpRoutes.resolve(HttpMethod.POST, "/v1/envelope", true)).isEqualTo(new HttpRoute.Tunnel());
        assertThat(HttpRoutes.resolve(HttpMethod.GET, "/v1/federate", false)).isEqualTo(new HttpRoute.WebSocketUpgrade());
        assertThat(HttpRoutes.resolve(HttpMethod.POST, "/v1/envelope", false)).isEqualTo(new HttpRoute.NotFound());
    }

    @Test
    void resolve_federateWithoutTheWebSocketBinding_upgradeNotFoundTunnelKept() {
        assertThat(HttpRoutes.resolve(HttpMethod.GET, "/v1/federate", false, false)).isEqualTo(new HttpRoute.NotFound());
        assertThat(HttpRoutes.resolve(HttpMethod.POST, "/v1/federate", true, false)).isEqualTo(new HttpRoute.Tunnel());
    }

    @Test
    void resolve_wrongMethod_methodNotAllowedNamingTheAllowedOne() {
        assertThat(HttpRoutes.resolve(HttpMethod.PUT, "/.well-known/semp/configuration", true))
                .isEqualTo(new HttpRoute.MethodNotAllowed("GET"));
        assertThat(HttpRoutes.resolve(HttpMethod.GET, "/.well-known/semp/keys/", true))
                .isEqualTo(new HttpRoute.MethodNotAllowed("POST"));
        assertThat(HttpRoutes.resolve(HttpMethod.DELETE, "/.well-known/semp/keys/a@x", false))
                .isEqualTo(new HttpRoute.MethodNotAllowed("GET"));
        assertThat(HttpRoutes.resolve(HttpMethod.GET, "/v1/federate", true)).isEqualTo(new HttpRoute.MethodNotAllowed("POST"));
        assertThat(HttpRoutes.resolve(HttpMethod.POST, "/v1/federate", false)).isEqualTo(new HttpRoute.MethodNotAllowed("GET"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/v1/discovery", "/v1/keys", "/v1/session/abc", "/v1/ws", "/.well-known/semp",
        "/.well-known/semp/configuration/", "//.well-known/semp/configuration", "http://x/.well-known/semp/configuration"})
    void resolve_unadvertisedPath_notFound(String uri) {
        assertThat(HttpRoutes.resolve(HttpMethod.GET, uri, true)).isEqualTo(new HttpRoute.NotFound());
        assertThat(HttpRoutes.resolve(HttpMethod.POST, uri, false)).isEqualTo(new HttpRoute.NotFound());
    }
}
