package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class DocumentsOverHttpTest {
    private static TestServer server;
    private static HttpClient h2;
    private static HttpClient http1;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        h2 = TestServer.client(HttpClient.Version.HTTP_2);
        http1 = TestServer.client(HttpClient.Version.HTTP_1_1);
    }

    @AfterAll
    static void stop() {
        h2.close();
        http1.close();
        server.close();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return TestServer.send(client, HttpRequest.newBuilder(server.uri(path)).GET().build());
    }

    private static HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        return TestServer.send(client, HttpRequest.newBuilder(server.uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void getConfiguration_overH2_servedWithItsHeaders() throws Exception {
        HttpResponse<String> response = get(h2, "/.well-known/semp/configuration");

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"doc\":\"configuration\"}");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("cache-control")).hasValue("max-age=60");
    }

    @Test
    void getConfiguration_overHttp11_served() throws Exception {
        HttpResponse<String> response = get(http1, "/.well-known/semp/configuration?x=1");

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"doc\":\"configuration\"}");
    }

    @Test
    void getDomainKeys_onBothProtocols_served() throws Exception {
        assertThat(get(h2, "/.well-known/semp/domain-keys").body()).isEqualTo("{\"doc\":\"domain-keys\"}");
        assertThat(get(http1, "/.well-known/semp/domain-keys").body()).isEqualTo("{\"doc\":\"domain-keys\"}");
    }

    @Test
    void getUserKeys_percentEncodedAddress_reachesDocumentsDecoded() throws Exception {
        HttpResponse<String> response = get(h2, "/.well-known/semp/keys/alice+tag%40example.org");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"address\":\"alice+tag@example.org\"");
    }

    @Test
    void getUserKeys_overlongAddress_badRequest() throws Exception {
        assertThat(get(h2, "/.well-known/semp/keys/" + "a".repeat(400) + "@example.org").statusCode()).isEqualTo(400);
    }

    @Test
    void postKeysBatch_bodyReachesDocuments() throws Exception {
        HttpResponse<String> response = post(h2, "/.well-known/semp/keys/", "{\"addresses\":[]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"doc\":\"batch\",\"bytes\":16}");
    }

    @Test
    void postKeysBatch_overDocumentLimit_413OnBothProtocols() throws Exception {
        String big = "x".repeat(4096);

        assertThat(post(h2, "/.well-known/semp/keys/", big).statusCode()).isEqualTo(413);
        assertThat(post(http1, "/.well-known/semp/keys/", big).statusCode()).isEqualTo(413);
    }

    @Test
    void postFederate_overMessageLimit_413AndNoConversation() throws Exception {
        int before = server.federation.conversations.size();

        HttpResponse<String> response = post(h2, "/v1/federate", "x".repeat(200 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(server.federation.conversations).hasSize(before);
    }

    @Test
    void unknownPath_notFoundOnBothProtocols() throws Exception {
        assertThat(get(h2, "/index.html").statusCode()).isEqualTo(404);
        assertThat(get(http1, "/.well-known/semp/other").statusCode()).isEqualTo(404);
        assertThat(post(http1, "/v1/handshake", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void wrongMethod_methodNotAllowedWithAllow() throws Exception {
        HttpResponse<String> postConfig = post(h2, "/.well-known/semp/configuration", "{}");
        HttpResponse<String> getTunnel = get(h2, "/v1/federate");
        HttpResponse<String> postWebSocketPath = post(http1, "/v1/federate", "{}");

        assertThat(postConfig.statusCode()).isEqualTo(405);
        assertThat(postConfig.headers().firstValue("allow")).hasValue("GET");
        assertThat(getTunnel.statusCode()).isEqualTo(405);
        assertThat(getTunnel.headers().firstValue("allow")).hasValue("POST");
        assertThat(postWebSocketPath.statusCode()).isEqualTo(405);
        assertThat(postWebSocketPath.headers().firstValue("allow")).hasValue("GET");
    }

    @Test
    void getFederate_overHttp11WithoutUpgrade_badRequest() throws Exception {
        assertThat(get(http1, "/v1/federate").statusCode()).isEqualTo(400);
    }
}
