package sempgw.semp.ingress.documents;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;

/**
 * What the published documents say about this server, apart from keys.
 *
 * <ul>
 *   <li>{@code domain}: the email domain served, canonical A-label form (ENVELOPE.md §2.3.2).</li>
 *   <li>{@code publicBase}: {@code https://host[:port]} as peers reach this server; every URL in the
 *   configuration document is built on it (DISCOVERY.md §3.1.1).</li>
 *   <li>{@code ttlSeconds}: {@code ttl_seconds}, 60..604800, default 3600 (DISCOVERY.md §3.5.2).</li>
 *   <li>{@code suites}: in preference order; must contain the baseline (DISCOVERY.md §3.1.2), and
 *   each needs a domain encryption key in {@link DomainKeySet}. Default: PQ first, then baseline.</li>
 *   <li>{@code maxEnvelopeSize}: {@code limits.max_envelope_size}, default 26214400 (DISCOVERY.md §3.1.3).</li>
 *   <li>{@code firstContact}: the domain-wide policy (KEY.md §3.2), default {@code open}.</li>
 *   <li>{@code maxBatchAddresses}: addresses per batch key request, default 100; more is 413.</li>
 *   <li>{@code transports}: the federation transports the listener serves, in preference order,
 *   each advertised in {@code endpoints.federation} and nothing else (DISCOVERY.md §3.2.1):
 *   {@code h2}, mandatory (DISCOVERY.md §3.1.1, TRANSPORT.md §4.2), and optionally {@code ws}
 *   (TRANSPORT.md §4.1). Default: both.</li>
 * </ul>
 */
public record DocumentSettings(String domain, URI publicBase, long ttlSeconds, List<SuiteId> suites,
                               long maxEnvelopeSize, FirstContactPolicy firstContact, int maxBatchAddresses,
                               List<String> transports) {

    public static final long DEFAULT_TTL_SECONDS = 3600;
    public static final long DEFAULT_MAX_ENVELOPE_SIZE = 26_214_400;
    public static final int DEFAULT_MAX_BATCH_ADDRESSES = 100;
    /** The HTTP/2 transport identifier (TRANSPORT.md §4.2), mandatory. */
    public static final String H2 = "h2";
    /** The WebSocket transport identifier (TRANSPORT.md §4.1). */
    public static final String WS = "ws";
    /** Both transports, HTTP/2 first. */
    public static final List<String> DEFAULT_TRANSPORTS = List.of(H2, WS);

    public DocumentSettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(publicBase, "publicBase");
        Objects.requireNonNull(firstContact, "firstContact");
        try {
            if (!SempAddress.canonicalDomain(domain).equals(domain)) {
                throw new IllegalArgumentException("domain must be in canonical form: " + domain);
            }
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("domain is not a domain name: " + domain, e);
        }
        if (!"https".equals(publicBase.getScheme()) || publicBase.getHost() == null
                || !(publicBase.getRawPath() == null || publicBase.getRawPath().isEmpty())
                || publicBase.getRawQuery() != null || publicBase.getRawFragment() != null || publicBase.getRawUserInfo() != null) {
            throw new IllegalArgumentException("publicBase must be https://host[:port] with no path (DISCOVERY.md §3)");
        }
        if (ttlSeconds < 60 || ttlSeconds > 604_800) {
            throw new IllegalArgumentException("ttl_seconds must be 60..604800 (DISCOVERY.md §3.5.2), got " + ttlSeconds);
        }
        suites = List.copyOf(suites);
        if (!suites.contains(SuiteId.X25519_CHACHA20_POLY1305) || suites.stream().distinct().count() != suites.size()) {
            throw new IllegalArgumentException("suites must list the baseline suite once and no suite twice (DISCOVERY.md §3.1.2)");
        }
        if (maxEnvelopeSize <= 0) {
            throw new IllegalArgumentException("max_envelope_size must be positive");
        }
        if (maxBatchAddresses < 1 || maxBatchAddresses > 1000) {
            throw new IllegalArgumentException("maxBatchAddresses must be 1..1000");
        }
        transports = List.copyOf(transports);
        if (!transports.contains(H2) || transports.stream().distinct().count() != transports.size()
                || !DEFAULT_TRANSPORTS.containsAll(transports)) {
            throw new IllegalArgumentException("transports must list h2 once and optionally ws (DISCOVERY.md §3.1.1), got " + transports);
        }
    }

    /** Settings serving both transports ({@link #DEFAULT_TRANSPORTS}). */
    public DocumentSettings(String domain, URI publicBase, long ttlSeconds, List<SuiteId> suites, long maxEnvelopeSize,
                            FirstContactPolicy firstContact, int maxBatchAddresses) {
        this(domain, publicBase, ttlSeconds, suites, maxEnvelopeSize, firstContact, maxBatchAddresses, DEFAULT_TRANSPORTS);
    }

    /** The defaults listed above for {@code domain} served at {@code publicBase}. */
    public static DocumentSettings defaults(String domain, URI publicBase) {
        return new DocumentSettings(domain, publicBase, DEFAULT_TTL_SECONDS,
                List.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305), DEFAULT_MAX_ENVELOPE_SIZE,
                new FirstContactPolicy.Open(), DEFAULT_MAX_BATCH_ADDRESSES);
    }

    /** The same settings with other suites (preference order). */
    public DocumentSettings withSuites(List<SuiteId> newSuites) {
        return new DocumentSettings(domain, publicBase, ttlSeconds, newSuites, maxEnvelopeSize, firstContact, maxBatchAddresses, transports);
    }

    /** The same settings with another TTL. */
    public DocumentSettings withTtlSeconds(long ttl) {
        return new DocumentSettings(domain, publicBase, ttl, suites, maxEnvelopeSize, firstContact, maxBatchAddresses, transports);
    }

    /** The same settings with another first-contact policy. */
    public DocumentSettings withFirstContact(FirstContactPolicy policy) {
        return new DocumentSettings(domain, publicBase, ttlSeconds, suites, maxEnvelopeSize, policy, maxBatchAddresses, transports);
    }

    /** The same settings advertising exactly {@code served} ({@code h2}, optionally {@code ws}) as federation endpoints. */
    public DocumentSettings withTransports(List<String> served) {
        return new DocumentSettings(domain, publicBase, ttlSeconds, suites, maxEnvelopeSize, firstContact, maxBatchAddresses, served);
    }

    /** An absolute URL on this server: {@code scheme://authority + path}. */
    String url(String scheme, String path) {
        return scheme + "://" + publicBase.getRawAuthority() + path;
    }
}
