package sempgw.semp.egress.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonError;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;

/**
 * Parses and validates a configuration document (DISCOVERY.md §3.1, §3.2). Pure: bytes in, a
 * {@link SempConfiguration} or a {@link ConfigurationException} out. Unknown fields are ignored
 * (DISCOVERY.md §3.1); a missing or malformed required field rejects the document, and so does
 * a plain-text URL where the protocol requires TLS (DISCOVERY.md §3: HTTPS only).
 */
public final class ConfigurationParser {

    static final String TYPE = "SEMP_CONFIGURATION";
    static final long MIN_TTL_SECONDS = 60;
    static final long MAX_TTL_SECONDS = 604_800;
    static final int SUPPORTED_MAJOR = 1;

    private static final Pattern SEMVER = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})([-+][0-9A-Za-z.+-]*)?");
    private static final Set<String> TRANSPORT_ROLES = Set.of("client", "federation");
    private static final Set<String> REQUIRED_APIS = Set.of("register", "keys", "domain_keys");

    private ConfigurationParser() {
    }

    /**
     * @param body           the response body, already bounded by the fetcher
     * @param expectedDomain the domain being discovered; the document must name it
     */
    public static SempConfiguration parse(byte[] body, String expectedDomain) throws ConfigurationException {
        JsonObject doc;
        try {
            doc = JsonParser.parseObject(body, JsonParser.Options.wire().withMaxBytes(body.length).withMaxDepth(16));
        } catch (JsonException e) {
            throw new ConfigurationException(ConfigError.MALFORMED, "not a JSON object: " + e.error());
        }
        if (!(doc.getOrNull("type") instanceof JsonString t) || !TYPE.equals(t.value())) {
            throw new ConfigurationException(ConfigError.NOT_SEMP, "type is not " + TYPE);
        }
        try {
            return read(doc, expectedDomain);
        } catch (JsonException e) {
            throw new ConfigurationException(ConfigError.INVALID, "configuration document: " + e.getMessage());
        }
    }

    private static SempConfiguration read(JsonObject doc, String expectedDomain) throws JsonException, ConfigurationException {
        String version = doc.requireString("version");
        if (doc.getOrNull("domain") instanceof JsonString named) {
            checkDomain(named.value(), expectedDomain);
        }
        checkVersion(version);
        String domain = checkDomain(doc.requireString("domain"), expectedDomain);
        long revision = doc.requireLong("revision");
        if (revision < 0) {
            throw invalid("revision is negative");
        }
        long ttl = Math.clamp(doc.requireLong("ttl_seconds"), MIN_TTL_SECONDS, MAX_TTL_SECONDS);
        JsonObject endpoints = doc.requireObject("endpoints");
        TransportEndpoints client = transports(endpoints.requireObject("client"), "client");
        TransportEndpoints federation = transports(endpoints.requireObject("federation"), "federation");
        List<String> suites = doc.requireArray("suites").requireStrings();
        if (!suites.contains(CapabilityRecord.BASELINE_SUITE)) {
            throw invalid("suites lacks the baseline " + CapabilityRecord.BASELINE_SUITE + " (DISCOVERY.md §3.1.2)");
        }
        long maxEnvelope = doc.requireObject("limits").requireLong("max_envelope_size");
        if (maxEnvelope <= 0) {
            throw invalid("limits.max_envelope_size is not positive (DISCOVERY.md §3.1.3)");
        }
        return new SempConfiguration(version, domain, revision, Duration.ofSeconds(ttl), client, federation,
                url(endpoints.requireString("register"), "https", "register"),
                url(endpoints.requireString("keys"), "https", "keys"),
                url(endpoints.requireString("domain_keys"), "https", "domain_keys"),
                optionalApis(endpoints), suites, maxEnvelope, extensions(doc));
    }

    /**
     * The document's {@code domain}, which must be the one discovered. Checked before the version
     * too: another domain's document, of whatever major, tells nothing about this domain's.
     */
    private static String checkDomain(String named, String expectedDomain) throws ConfigurationException {
        String domain = DomainName.parse(named).map(DomainName::ascii).orElseThrow(() -> invalid("domain is not a domain name"));
        if (!domain.equals(expectedDomain)) {
            throw new ConfigurationException(ConfigError.DOMAIN_MISMATCH, "document is for " + domain + ", not " + expectedDomain);
        }
        return domain;
    }

    /** MAJOR must match ours (CONFORMANCE.md §9.1); MINOR and PATCH differences interoperate. */
    private static void checkVersion(String version) throws ConfigurationException {
        Matcher m = SEMVER.matcher(version);
        if (!m.matches()) {
            throw invalid("version is not semver");
        }
        if (Integer.parseInt(m.group(1)) != SUPPORTED_MAJOR) {
            throw new ConfigurationException(ConfigError.VERSION_UNSUPPORTED, "version " + version + ", not SEMP MAJOR " + SUPPORTED_MAJOR);
        }
    }

    /** {@code h2} required; known transports checked for their scheme; unknown ones kept when they are URLs. */
    private static TransportEndpoints transports(JsonObject role, String name) throws ConfigurationException {
        Map<String, URI> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : role.members().entrySet()) {
            String transport = e.getKey();
            String scheme = switch (transport) {
                case TransportEndpoints.H2, TransportEndpoints.QUIC -> "https";
                case TransportEndpoints.WS -> "wss";
                default -> null;
            };
            if (!(e.getValue() instanceof JsonString s)) {
                if (scheme != null) {
                    throw invalid("endpoints." + name + "." + transport + " is not a string");
                }
                continue;
            }
            if (scheme != null) {
                out.put(transport, url(s.value(), scheme, name + "." + transport));
            } else {
                parseAbsolute(s.value()).ifPresent(u -> out.put(transport, u));
            }
        }
        if (!out.containsKey(TransportEndpoints.H2)) {
            throw invalid("endpoints." + name + ".h2 is missing (DISCOVERY.md §3.2)");
        }
        return new TransportEndpoints(out);
    }

    /** Optional endpoints with a valid https URL; anything else is treated as not offered. */
    private static Map<String, URI> optionalApis(JsonObject endpoints) {
        Map<String, URI> out = new LinkedHashMap<>();
        endpoints.members().forEach((field, value) -> {
            if (!TRANSPORT_ROLES.contains(field) && !REQUIRED_APIS.contains(field) && value instanceof JsonString s) {
                parseAbsolute(s.value()).filter(u -> "https".equalsIgnoreCase(u.getScheme())).ifPresent(u -> out.put(field, u));
            }
        });
        return out;
    }

    private static List<SempConfiguration.Extension> extensions(JsonObject doc) throws JsonException {
        List<SempConfiguration.Extension> out = new ArrayList<>();
        for (JsonValue v : doc.optionalArray("extensions").orElse(JsonArray.EMPTY).elements()) {
            if (!(v instanceof JsonObject o)) {
                throw new JsonException(JsonError.WRONG_TYPE, "extensions entry is not an object");
            }
            out.add(new SempConfiguration.Extension(o.requireString("id"), o.requireBoolean("required")));
        }
        return out;
    }

    private static URI url(String text, String scheme, String field) throws ConfigurationException {
        URI u = parseAbsolute(text).orElseThrow(() -> invalid("endpoints." + field + " is not an absolute URL"));
        if (!scheme.equalsIgnoreCase(u.getScheme())) {
            throw invalid("endpoints." + field + " must use " + scheme + " (DISCOVERY.md §3, TRANSPORT.md §4)");
        }
        return u;
    }

    private static Optional<URI> parseAbsolute(String text) {
        try {
            URI u = new URI(text);
            boolean ok = u.isAbsolute() && u.getHost() != null && u.getRawUserInfo() == null && u.getRawFragment() == null;
            return ok ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static ConfigurationException invalid(String message) {
        return new ConfigurationException(ConfigError.INVALID, message);
    }
}
