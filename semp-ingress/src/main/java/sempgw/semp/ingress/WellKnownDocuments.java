package sempgw.semp.ingress;

/**
 * The HTTPS documents a SEMP server publishes (DISCOVERY.md §3, KEY.md §2-§3, §8). Each method
 * returns the complete answer; the HTTP layer only frames it.
 */
public interface WellKnownDocuments {

    /** {@code GET /.well-known/semp/configuration} (DISCOVERY.md §3.1). */
    HttpAnswer configuration();

    /** {@code GET} of {@code endpoints.domain_keys} (KEY.md §2). */
    HttpAnswer domainKeys();

    /**
     * {@code GET} of {@code endpoints.keys} followed by one address (KEY.md §3.1). An unknown
     * address is answered with the same shape, size and timing as a known one (DESIGN.md §2.7).
     */
    HttpAnswer userKeys(String address);

    /** {@code POST} of a {@code SEMP_KEYS} request to {@code endpoints.keys} (KEY.md §3.3). */
    HttpAnswer userKeysBatch(byte[] request);
}
