package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyType;
import sempgw.semp.ingress.Indistinguishability;
import sempgw.semp.ingress.documents.DocumentsFixture;

/**
 * Key fetches through the real listener and the real {@code Documents} (issue 4 test 5; DESIGN.md
 * §2.7, KEY.md §3.1): an unknown address and a known one without keys are answered alike in
 * status, headers, JSON shape and size, and in comparable time; a known one with keys answers
 * {@code found} in the same top-level form. The three local parts have equal lengths, so that
 * only the server could make a difference.
 */
final class KeyFetchOracleOverHttpTest {
    private static final String WITH_KEYS = "alice@a.example";
    private static final String WITHOUT_KEYS = "bobby@a.example";
    private static final String UNKNOWN = "carol@a.example";

    private static TestServer server;
    private static HttpClient h2;

    @BeforeAll
    static void start() throws Exception {
        DocumentsFixture f = new DocumentsFixture();
        f.directory.publish(DocumentsFixture.address(WITH_KEYS), KeyType.IDENTITY, "ed25519",
                IdentityPrivateKey.generate(RandomSource.secure()).publicKey().bytes(), DocumentsFixture.CREATED, DocumentsFixture.EXPIRES,
                DocumentsFixture.NOW);
        f.directory.provision(DocumentsFixture.address(WITHOUT_KEYS));
        server = TestServer.serving(f.documents());
        h2 = TestServer.client(HttpClient.Version.HTTP_2);
    }

    @AfterAll
    static void stop() {
        h2.close();
        server.close();
    }

    private static HttpResponse<byte[]> get(String address) throws Exception {
        return h2.send(HttpRequest.newBuilder(server.uri("/.well-known/semp/keys/" + address)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> batch(String address) throws Exception {
        String request = "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"id\":\"01JREQUEST0000000000000000\","
                + "\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[\"" + address + "\"]}";
        return h2.send(HttpRequest.newBuilder(server.uri("/.well-known/semp/keys/"))
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> out = new TreeMap<>();
        headers.map().forEach((name, values) -> out.put(name, String.join(",", values)));
        return out;
    }

    private static JsonObject result(HttpResponse<byte[]> response) throws Exception {
        return (JsonObject) DocumentsFixture.json(response.body()).requireArray("results").get(0);
    }

    @Test
    void get_unknownAndKnownWithoutKeys_sameStatusHeadersShapeAndSize() throws Exception {
        HttpResponse<byte[]> unknown = get(UNKNOWN);
        HttpResponse<byte[]> withoutKeys = get(WITHOUT_KEYS);
        HttpResponse<byte[]> withKeys = get(WITH_KEYS);

        assertThat(unknown.statusCode()).isEqualTo(200).isEqualTo(withoutKeys.statusCode()).isEqualTo(withKeys.statusCode());
        assertThat(headers(unknown.headers())).isEqualTo(headers(withoutKeys.headers()));
        assertThat(Indistinguishability.shape(unknown.body())).isEqualTo(Indistinguishability.shape(withoutKeys.body()));
        assertThat(unknown.body()).hasSameSizeAs(withoutKeys.body());
        assertThat(result(unknown).requireString("status")).isEqualTo("not_found").isEqualTo(result(withoutKeys).requireString("status"));
        assertThat(DocumentsFixture.json(withKeys.body()).keys()).isEqualTo(DocumentsFixture.json(unknown.body()).keys());
        assertThat(result(withKeys).requireString("status")).isEqualTo("found");
    }

    @Test
    void batch_unknownAndKnownWithoutKeys_sameShapeAndSize() throws Exception {
        HttpResponse<byte[]> unknown = batch(UNKNOWN);
        HttpResponse<byte[]> withoutKeys = batch(WITHOUT_KEYS);

        assertThat(unknown.statusCode()).isEqualTo(200).isEqualTo(withoutKeys.statusCode());
        assertThat(Indistinguishability.shape(unknown.body())).isEqualTo(Indistinguishability.shape(withoutKeys.body()));
        assertThat(unknown.body()).hasSameSizeAs(withoutKeys.body());
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("\"status\":\"not_found\"");
    }

    /** 300 fetches of each, interleaved, on one h2 connection; medians within 2x (a code-path check, not a benchmark). */
    @Test
    void get_unknownVersusKnownWithoutKeys_comparableTime() throws Exception {
        Indistinguishability.assertComparableTimings("GET keys: unknown / known without keys", 50, 300, 2.0,
                i -> assertThat(get(UNKNOWN).statusCode()).isEqualTo(200),
                i -> assertThat(get(WITHOUT_KEYS).statusCode()).isEqualTo(200));
    }
}
