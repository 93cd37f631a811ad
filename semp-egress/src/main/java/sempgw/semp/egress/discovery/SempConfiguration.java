package sempgw.semp.egress.discovery;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A peer's validated configuration document (DISCOVERY.md §3.1): the sole registry of its
 * endpoints (DISCOVERY.md §3.2.1). An endpoint absent here is not offered; callers never derive
 * or probe URLs (DISCOVERY.md §5.6).
 *
 * @param version          the protocol version the server speaks (semver, MAJOR 1)
 * @param domain           the email domain, canonical form
 * @param revision         monotonically non-decreasing revision (DISCOVERY.md §3.5.1)
 * @param ttl              cache lifetime, {@code ttl_seconds} kept inside [60 s, 7 d] (DISCOVERY.md §3.5.2)
 * @param client           {@code endpoints.client}
 * @param federation       {@code endpoints.federation}, the only source of the federation URL (DISCOVERY.md §5.6)
 * @param register         {@code endpoints.register}
 * @param keys             {@code endpoints.keys}, the base URL user addresses are appended to (DISCOVERY.md §3.4)
 * @param domainKeys       {@code endpoints.domain_keys} (DISCOVERY.md §3.3)
 * @param otherEndpoints   the optional API endpoints advertised with a valid https URL, by field name
 * @param suites           suite identifiers in preference order, including the baseline
 * @param maxEnvelopeSize  {@code limits.max_envelope_size} in bytes (DISCOVERY.md §3.1.3)
 * @param extensions       advertised extensions (DISCOVERY.md §3.1.4)
 */
public record SempConfiguration(String version, String domain, long revision, Duration ttl,
                                TransportEndpoints client, TransportEndpoints federation,
                                URI register, URI keys, URI domainKeys, Map<String, URI> otherEndpoints,
                                List<String> suites, long maxEnvelopeSize, List<Extension> extensions) {

    /** One entry of the {@code extensions} array (DISCOVERY.md §3.1.4). */
    public record Extension(String id, boolean required) {
        public Extension {
            Objects.requireNonNull(id, "id");
        }
    }

    public SempConfiguration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(federation, "federation");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(domainKeys, "domainKeys");
        otherEndpoints = Map.copyOf(otherEndpoints);
        suites = List.copyOf(suites);
        extensions = List.copyOf(extensions);
    }

    /** An optional endpoint such as {@code reputation} or {@code verify}; empty means not offered. */
    public Optional<URI> endpoint(String field) {
        return Optional.ofNullable(otherEndpoints.get(field));
    }

    /**
     * The required extensions that are not in {@code supported}: if any, the connecting party
     * MUST NOT proceed (DISCOVERY.md §3.1.4).
     */
    public List<String> unsupportedRequiredExtensions(Collection<String> supported) {
        return extensions.stream().filter(Extension::required).map(Extension::id)
                .filter(id -> !supported.contains(id)).toList();
    }
}
