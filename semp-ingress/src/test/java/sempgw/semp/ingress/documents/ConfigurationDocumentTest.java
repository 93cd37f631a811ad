package sempgw.semp.ingress.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;
import sempgw.semp.egress.discovery.ConfigurationParser;
import sempgw.semp.egress.discovery.SempConfiguration;
import sempgw.semp.ingress.HttpAnswer;

final class ConfigurationDocumentTest {
    private final DocumentsFixture f = new DocumentsFixture();

    @Test
    void configuration_parsedByOurEgressParser_advertisesExactlyTheServedEndpoints() throws Exception {
        HttpAnswer answer = f.documents().configuration();

        SempConfiguration c = ConfigurationParser.parse(answer.body(), "a.example");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry("Cache-Control", "max-age=3600");
        assertThat(c.revision()).isEqualTo(1);
        assertThat(c.ttl().toSeconds()).isEqualTo(3600);
        assertThat(c.federation().h2()).isEqualTo(URI.create("https://semp.a.example:8443/v1/federate"));
        assertThat(c.federation().ws()).contains(URI.create("wss://semp.a.example:8443/v1/federate"));
        assertThat(c.federation().byTransport()).containsOnlyKeys("h2", "ws");
        assertThat(c.client().byTransport()).containsOnlyKeys("h2");
        assertThat(c.client().h2()).isEqualTo(c.federation().h2());
        assertThat(c.register()).isEqualTo(c.federation().h2());
        assertThat(c.keys()).isEqualTo(URI.create("https://semp.a.example:8443/.well-known/semp/keys/"));
        assertThat(c.domainKeys()).isEqualTo(URI.create("https://semp.a.example:8443/.well-known/semp/domain-keys"));
        assertThat(c.otherEndpoints()).isEmpty();
        assertThat(c.suites()).containsExactly("pq-kyber768-x25519", "x25519-chacha20-poly1305");
        assertThat(c.maxEnvelopeSize()).isEqualTo(26_214_400L);
        assertThat(c.extensions()).isEmpty();
    }

    @Test
    void configuration_h2Only_advertisesNoWebSocketEndpoint() throws Exception {
        Documents h2Only = new Documents(f.settings.withTransports(List.of("h2")), f.keys, f.directory, 1, f.clock,
                RandomSource.secure());

        SempConfiguration c = ConfigurationParser.parse(h2Only.configuration().body(), "a.example");

        assertThat(c.federation().byTransport()).containsOnlyKeys("h2");
        assertThat(c.federation().ws()).isEmpty();
        assertThat(new String(h2Only.configuration().body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("wss:");
    }

    @Test
    void settings_withoutTransports_serveBothAndOnlyH2AndWsAreAccepted() {
        DocumentSettings sevenArguments = new DocumentSettings("a.example", DocumentsFixture.BASE, 3600,
                List.of(SuiteId.X25519_CHACHA20_POLY1305), 1024, new FirstContactPolicy.Open(), 10);

        assertThat(sevenArguments.transports()).containsExactly("h2", "ws");
        assertThat(f.settings.transports()).containsExactly("h2", "ws");
        assertThat(f.settings.withTransports(List.of("ws", "h2")).transports()).containsExactly("ws", "h2");
        for (List<String> bad : List.<List<String>>of(List.of("ws"), List.of(), List.of("h2", "quic"), List.of("h2", "h2"), List.of("H2"))) {
            assertThatThrownBy(() -> f.settings.withTransports(bad)).as("%s", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void configuration_bytes_areCanonicalWithTheSpecFieldSet() {
        JsonObject doc = DocumentsFixture.json(f.documents().configuration().body());

        assertThat(doc.keys()).containsExactlyInAnyOrder("type", "version", "domain", "revision", "ttl_seconds",
                "endpoints", "suites", "limits", "extensions");
        assertThat(doc.getOrNull("endpoints") instanceof JsonObject e ? e.keys() : null)
                .containsExactlyInAnyOrder("client", "federation", "register", "keys", "domain_keys");
        assertThat(new String(f.documents().configuration().body())).doesNotContain(" ", "\n")
                .startsWith("{\"domain\":\"a.example\",\"endpoints\":");
    }

    @Test
    void settings_outOfRangeTtlOrMissingBaselineOrPathInBase_areRefused() {
        DocumentSettings s = f.settings;
        assertThatThrownBy(() -> s.withTtlSeconds(59)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withTtlSeconds(604_801)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.withTtlSeconds(60).ttlSeconds()).isEqualTo(60);
        assertThat(s.withTtlSeconds(604_800).ttlSeconds()).isEqualTo(604_800);
        assertThatThrownBy(() -> s.withSuites(List.of(SuiteId.PQ_KYBER768_X25519))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentSettings.defaults("a.example", URI.create("http://semp.a.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentSettings.defaults("a.example", URI.create("https://semp.a.example/x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentSettings.defaults("A.Example", URI.create("https://semp.a.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documents_suiteAdvertisedWithoutDomainEncryptionKey_isRefused() throws Exception {
        DomainKeySet baselineOnly = new DomainKeySet(f.signing, DocumentsFixture.CREATED, DocumentsFixture.EXPIRES,
                List.of(f.keys.encryption(SuiteId.X25519_CHACHA20_POLY1305).orElseThrow()));

        assertThatThrownBy(() -> new Documents(f.settings, baselineOnly, f.directory, 1, f.clock, RandomSource.secure()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pq-kyber768-x25519");
        Documents ok = new Documents(f.settings.withSuites(List.of(SuiteId.X25519_CHACHA20_POLY1305)), baselineOnly,
                f.directory, 1, f.clock, RandomSource.secure());
        assertThat(DocumentsFixture.json(ok.configuration().body()).requireArray("suites").requireStrings())
                .containsExactly("x25519-chacha20-poly1305");
    }
}
