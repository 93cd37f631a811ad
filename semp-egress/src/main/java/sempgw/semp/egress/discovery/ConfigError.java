package sempgw.semp.egress.discovery;

/** Why a configuration document could not be used. */
public enum ConfigError {
    /** Connection refused or reset, host unknown, or another I/O failure. */
    UNREACHABLE(false),
    /** No complete answer within the fetch timeout. */
    TIMEOUT(false),
    /** TLS handshake failure: untrusted or mismatched certificate, no common protocol. */
    TLS(false),
    /** HTTP 404: the host publishes no configuration (DISCOVERY.md §7.1). */
    NOT_FOUND(false),
    /** Any other status than 200, redirects included (they are not followed). */
    HTTP_STATUS(false),
    /** The body exceeds the size limit. */
    TOO_LARGE(false),
    /** The body is not a JSON object. */
    MALFORMED(false),
    /** A JSON object whose {@code type} is not {@code SEMP_CONFIGURATION}. */
    NOT_SEMP(false),
    /** A SEMP configuration with a missing or invalid required field (DISCOVERY.md §3.1, §3.2). */
    INVALID(true),
    /** A SEMP configuration for another domain than the one being discovered. */
    DOMAIN_MISMATCH(true),
    /**
     * A SEMP configuration with another MAJOR version (CONFORMANCE.md §9.1): SEMP, but not ours.
     * Discovery reads it as {@link DiscoveryResult.OtherMajor} unless a {@code v=semp1} TXT record
     * declares our major, which makes the document a broken one.
     */
    VERSION_UNSUPPORTED(true),
    /** A lower revision than one already accepted for the domain (DISCOVERY.md §3.5.1). */
    REVISION_ROLLBACK(true);

    private final boolean declaresSemp;

    ConfigError(boolean declaresSemp) {
        this.declaresSemp = declaresSemp;
    }

    /** True when the host did serve a SEMP configuration document, just not a usable one. */
    public boolean declaresSemp() {
        return declaresSemp;
    }
}
