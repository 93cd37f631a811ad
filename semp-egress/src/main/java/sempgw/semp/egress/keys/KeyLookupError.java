package sempgw.semp.egress.keys;

/** Why a peer's published keys could not be used; the reason code of a {@link KeyLookupException}. */
public enum KeyLookupError {
    /** Discovery did not find the domain speaking SEMP, or could not answer now. */
    DISCOVERY,
    /** The peer's domain keys document could not be fetched or is unusable (KEY.md §2.3). */
    DOMAIN_KEYS,
    /** The {@code keys} endpoint could not be reached: network, TLS or timeout. */
    UNREACHABLE,
    /** The {@code keys} endpoint answered with an HTTP status we cannot use. */
    HTTP_STATUS,
    /** The response body exceeded the limit. */
    TOO_LARGE,
    /** The body is not a {@code SEMP_KEYS} response to our request (KEY.md §4.3, CLIENT.md §5.4.4). */
    MALFORMED,
    /** A response, result or key record signature does not verify under the domain key (KEY.md §5.1). */
    SIGNATURE_INVALID,
    /** The peer answered {@code status: "error"} for an address (CLIENT.md §5.4.6). */
    PEER_ERROR,
    /** The response claims a time more than 5 minutes ahead of our clock (CONFORMANCE.md §9.3.3). */
    CLOCK_SKEW
}
