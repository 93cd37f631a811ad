package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;

final class ConfigurationParserTest {

    private static final JsonObject DOC = TestConfigs.document("example.com", 17, 3600);

    private static SempConfiguration parse(JsonObject o) throws ConfigurationException {
        return ConfigurationParser.parse(TestConfigs.bytes(o), "example.com");
    }

    private static ConfigError error(JsonObject o) {
        try {
            parse(o);
            throw new AssertionError("accepted");
        } catch (ConfigurationException e) {
            return e.error();
        }
    }

    @Test
    void parse_specExample_readsEveryField() throws Exception {
        SempConfiguration c = parse(DOC);
        assertThat(c.version()).isEqualTo("1.0.0");
        assertThat(c.domain()).isEqualTo("example.com");
        assertThat(c.revision()).isEqualTo(17);
        assertThat(c.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.federation().h2()).isEqualTo(URI.create("https://semp.example.com/v1/h2/federate"));
        assertThat(c.federation().ws()).contains(URI.create("wss://semp.example.com/v1/federate"));
        assertThat(c.federation().quic()).isEmpty();
        assertThat(c.client().h2()).isEqualTo(URI.create("https://semp.example.com/v1/h2"));
        assertThat(c.register()).isEqualTo(URI.create("https://semp.example.com/v1/register"));
        assertThat(c.keys()).isEqualTo(URI.create("https://semp.example.com/v1/keys/"));
        assertThat(c.domainKeys()).isEqualTo(URI.create("https://semp.example.com/v1/domain-keys"));
        assertThat(c.endpoint("reputation")).contains(URI.create("https://semp.example.com/v1/reputation/"));
        assertThat(c.endpoint("verify")).isEmpty();
        assertThat(c.suites()).containsExactly("pq-kyber768-x25519", "x25519-chacha20-poly1305");
        assertThat(c.maxEnvelopeSize()).isEqualTo(26_214_400);
        assertThat(c.extensions()).isEmpty();
    }

    @Test
    void parse_transportOrder_isTheServersPreference() throws Exception {
        String canonical = TestConfigs.json(DOC);
        String fed = "\"federation\":{\"ws\":\"wss://s.example.com/ws\",\"quic\":\"https://s.example.com/q\",\"h2\":\"https://s.example.com/h2\"}";
        String text = canonical.replaceFirst("\"federation\":\\{[^}]*\\}", java.util.regex.Matcher.quoteReplacement(fed));
        assertThat(text).contains(fed);
        SempConfiguration c = ConfigurationParser.parse(text.getBytes(StandardCharsets.UTF_8), "example.com");
        assertThat(c.federation().byTransport().keySet()).containsExactly("ws", "quic", "h2");
    }

    @Test
    void parse_unknownFieldsAndTransports_ignoredOrKept() throws Exception {
        JsonObject fed = JsonObject.builder().put("h2", "https://s.example.com/h2").put("grpc", "https://s.example.com/grpc")
                .put("carrier-pigeon", 42L).build();
        JsonObject doc = TestConfigs.withNested(DOC, "endpoints", "federation", fed).with("future_field", JsonObject.EMPTY)
                .with("limits", JsonObject.builder().put("max_envelope_size", 1000L).put("max_recipients", 5L).build());
        SempConfiguration c = parse(doc);
        assertThat(c.federation().byTransport()).containsKeys("h2", "grpc").doesNotContainKey("carrier-pigeon");
        assertThat(c.maxEnvelopeSize()).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "domain", "revision", "ttl_seconds", "endpoints", "suites", "limits"})
    void parse_missingRequiredTopLevelField_invalid(String field) {
        assertThat(error(DOC.without(field))).isEqualTo(ConfigError.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client", "federation", "register", "keys", "domain_keys"})
    void parse_missingRequiredEndpoint_invalid(String field) {
        assertThat(error(TestConfigs.withNested(DOC, "endpoints", field, null))).isEqualTo(ConfigError.INVALID);
    }

    @Test
    void parse_federationWithoutH2_invalid() {
        JsonObject fed = JsonObject.builder().put("ws", "wss://semp.example.com/v1/federate").build();
        assertThat(error(TestConfigs.withNested(DOC, "endpoints", "federation", fed))).isEqualTo(ConfigError.INVALID);
    }

    @Test
    void parse_plainTextUrls_invalid() {
        assertThat(error(TestConfigs.withNested(DOC, "endpoints", "domain_keys", JsonString.of("http://semp.example.com/dk"))))
                .isEqualTo(ConfigError.INVALID);
        JsonObject fed = JsonObject.builder().put("h2", "https://semp.example.com/f").put("ws", "ws://semp.example.com/f").build();
        assertThat(error(TestConfigs.withNested(DOC, "endpoints", "federation", fed))).isEqualTo(ConfigError.INVALID);
        assertThat(error(TestConfigs.withNested(DOC, "endpoints", "keys", JsonString.of("/relative/keys/")))).isEqualTo(ConfigError.INVALID);
    }

    @Test
    void parse_optionalEndpointNotHttps_treatedAsNotOffered() throws Exception {
        SempConfiguration c = parse(TestConfigs.withNested(DOC, "endpoints", "reputation", JsonString.of("http://semp.example.com/rep/")));
        assertThat(c.endpoint("reputation")).isEmpty();
    }

    @Test
    void parse_suitesWithoutBaseline_invalid() {
        assertThat(error(DOC.with("suites", JsonArray.ofStrings(List.of("pq-kyber768-x25519"))))).isEqualTo(ConfigError.INVALID);
    }

    @Test
    void parse_nonPositiveEnvelopeLimit_invalid() {
        assertThat(error(DOC.with("limits", JsonObject.builder().put("max_envelope_size", 0L).build()))).isEqualTo(ConfigError.INVALID);
    }

    @Test
    void parse_fractionalRevisionOrNegative_invalid() {
        assertThat(error(DOC.with("revision", new JsonNumber("1.5")))).isEqualTo(ConfigError.INVALID);
        assertThat(error(DOC.with("revision", JsonNumber.of(-1)))).isEqualTo(ConfigError.INVALID);
    }

    @Test
    void parse_ttlOutsideSpecRange_clampedTo60sAnd7d() throws Exception {
        assertThat(parse(DOC.with("ttl_seconds", JsonNumber.of(5))).ttl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(parse(DOC.with("ttl_seconds", JsonNumber.of(10_000_000))).ttl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void parse_otherType_notSemp() {
        assertThat(error(DOC.with("type", JsonString.of("SEMP_DOMAIN_KEYS")))).isEqualTo(ConfigError.NOT_SEMP);
        assertThat(error(DOC.without("type"))).isEqualTo(ConfigError.NOT_SEMP);
    }

    @Test
    void parse_notJson_malformed() {
        assertThatThrownBy(() -> ConfigurationParser.parse("<html>hello</html>".getBytes(StandardCharsets.UTF_8), "example.com"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.error()).isEqualTo(ConfigError.MALFORMED));
        assertThatThrownBy(() -> ConfigurationParser.parse("[1,2]".getBytes(StandardCharsets.UTF_8), "example.com"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.error()).isEqualTo(ConfigError.MALFORMED));
    }

    @Test
    void parse_documentForAnotherDomain_domainMismatch() {
        assertThat(error(DOC.with("domain", JsonString.of("evil.example")))).isEqualTo(ConfigError.DOMAIN_MISMATCH);
    }

    @Test
    void parse_anotherDomainsDocumentOfAnotherMajor_domainMismatchNotAnotherMajor() {
        assertThat(error(DOC.with("domain", JsonString.of("evil.example")).with("version", JsonString.of("2.0.0"))))
                .isEqualTo(ConfigError.DOMAIN_MISMATCH);
        assertThat(error(DOC.without("domain").with("version", JsonString.of("2.0.0")))).isEqualTo(ConfigError.VERSION_UNSUPPORTED);
    }

    @Test
    void parse_domainInOtherCase_accepted() throws Exception {
        assertThat(parse(DOC.with("domain", JsonString.of("Example.COM"))).domain()).isEqualTo("example.com");
    }

    @Test
    void parse_otherMajorVersion_unsupported_minorAccepted() throws Exception {
        assertThat(error(DOC.with("version", JsonString.of("2.0.0")))).isEqualTo(ConfigError.VERSION_UNSUPPORTED);
        assertThat(error(DOC.with("version", JsonString.of("one")))).isEqualTo(ConfigError.INVALID);
        assertThat(parse(DOC.with("version", JsonString.of("1.4.2"))).version()).isEqualTo("1.4.2");
    }

    @Test
    void parse_extensions_readAndCheckedAgainstSupport() throws Exception {
        JsonArray ext = JsonArray.of(
                JsonObject.builder().put("id", "semp.dev/large-attachment").put("required", false).build(),
                JsonObject.builder().put("id", "vendor.example.com/must-have").put("required", true).build());
        SempConfiguration c = parse(DOC.with("extensions", ext));
        assertThat(c.extensions()).hasSize(2);
        assertThat(c.unsupportedRequiredExtensions(List.of("semp.dev/large-attachment"))).containsExactly("vendor.example.com/must-have");
        assertThat(c.unsupportedRequiredExtensions(List.of("vendor.example.com/must-have"))).isEmpty();
    }

    @Test
    void parse_malformedExtensionEntry_invalid() {
        assertThat(error(DOC.with("extensions", JsonArray.of(JsonString.of("semp.dev/x"))))).isEqualTo(ConfigError.INVALID);
        assertThat(error(DOC.with("extensions", JsonArray.of(JsonObject.builder().put("id", "x").build())))).isEqualTo(ConfigError.INVALID);
    }

    @Test
    void parse_duplicateKeys_malformed() {
        byte[] dup = "{\"type\":\"SEMP_CONFIGURATION\",\"type\":\"SEMP_CONFIGURATION\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConfigurationParser.parse(dup, "example.com"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.error()).isEqualTo(ConfigError.MALFORMED));
    }
}
