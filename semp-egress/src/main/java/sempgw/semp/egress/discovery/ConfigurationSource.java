package sempgw.semp.egress.discovery;

/**
 * Fetches and validates the configuration document of one target (DISCOVERY.md §3, §5.5).
 * {@link HttpsConfigurationFetcher} is the implementation; the interface lets the discovery
 * flow be tested without sockets.
 */
@FunctionalInterface
public interface ConfigurationSource {

    /**
     * @param target the server to ask, from SRV or the domain itself
     * @param domain the domain being discovered, canonical form; the document must name it
     */
    ConfigFetch fetch(ServerTarget target, String domain);
}
