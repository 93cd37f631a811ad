package sempgw.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SEMP reason-code registry (ERRORS.md §2-§5) as one enum. Each code knows its wire form and
 * whether an automated retry is appropriate.
 *
 * <p>Codes that appear at several layers (ERRORS.md §14) have one constant: their meaning and
 * recoverability are identical everywhere. Matching is case-sensitive (ERRORS.md §15.3), and a
 * code this registry does not know parses to {@link #UNKNOWN}, which is terminal (ERRORS.md
 * §15.2): a newer peer's code must never put us into a retry loop. Keep the received string for
 * the log when that happens.
 */
public enum SempReason {
    // Handshake codes (ERRORS.md §2, HANDSHAKE.md §4.1)
    BLOCKED("blocked", Retry.TERMINAL),
    AUTH_FAILED("auth_failed", Retry.TERMINAL),
    POLICY_FORBIDDEN("policy_forbidden", Retry.TERMINAL),
    HANDSHAKE_EXPIRED("handshake_expired", Retry.RECOVERABLE),
    HANDSHAKE_INVALID("handshake_invalid", Retry.RECOVERABLE),
    NO_SESSION("no_session", Retry.RECOVERABLE),
    RATE_LIMITED("rate_limited", Retry.RECOVERABLE),
    /** Not a rejection but a gate: solve the challenge and continue (ERRORS.md §2). */
    CHALLENGE("challenge", Retry.RECOVERABLE),
    CHALLENGE_FAILED("challenge_failed", Retry.RECOVERABLE),
    CHALLENGE_INVALID("challenge_invalid", Retry.TERMINAL),
    SERVER_AT_CAPACITY("server_at_capacity", Retry.RECOVERABLE),
    VERSION_UNSUPPORTED("version_unsupported", Retry.TERMINAL),
    RESUMPTION_FAILED("resumption_failed", Retry.TERMINAL),

    // Envelope codes (ERRORS.md §3, ENVELOPE.md §9.3)
    SEAL_INVALID("seal_invalid", Retry.TERMINAL),
    SESSION_MAC_INVALID("session_mac_invalid", Retry.TERMINAL),
    ENVELOPE_EXPIRED("envelope_expired", Retry.TERMINAL),
    ENVELOPE_SIZE_EXCEEDED("envelope_size_exceeded", Retry.TERMINAL),
    SERVER_UNAVAILABLE("server_unavailable", Retry.RECOVERABLE),
    EXTENSION_UNSUPPORTED("extension_unsupported", Retry.TERMINAL),
    EXTENSION_SIZE_EXCEEDED("extension_size_exceeded", Retry.TERMINAL),
    SCOPE_EXCEEDED("scope_exceeded", Retry.TERMINAL),
    SCOPE_INVALID("scope_invalid", Retry.TERMINAL),
    CERTIFICATE_EXPIRED("certificate_expired", Retry.TERMINAL),

    // Rekey codes (ERRORS.md §4, SESSION.md §3.2); rate_limited is shared above
    SESSION_EXPIRED("session_expired", Retry.TERMINAL),
    REKEY_UNSUPPORTED("rekey_unsupported", Retry.TERMINAL),

    // User policy codes (ERRORS.md §5)
    POLICY_KIND_UNSUPPORTED("policy_kind_unsupported", Retry.TERMINAL),
    POLICY_OP_INVALID("policy_op_invalid", Retry.TERMINAL),
    POLICY_VERSION_STALE("policy_version_stale", Retry.RECOVERABLE),

    /** Any code not in this registry: non-recoverable by rule (ERRORS.md §15.2). */
    UNKNOWN("unknown", Retry.TERMINAL);

    /** Whether an automated retry is appropriate (ERRORS.md §1). */
    public enum Retry {
        /** Retry after the corrective action (re-handshake, back off, solve a challenge). */
        RECOVERABLE,
        /** Do not retry automatically; surface to the user or operator. */
        TERMINAL
    }

    private static final Map<String, SempReason> BY_CODE = new HashMap<>();

    static {
        for (SempReason r : values()) {
            if (r != UNKNOWN) {
                BY_CODE.put(r.code, r);
            }
        }
    }

    private final String code;
    private final Retry retry;

    SempReason(String code, Retry retry) {
        this.code = code;
        this.retry = retry;
    }

    /**
     * Maps a wire code to its constant, case-sensitively (ERRORS.md §15.3). Unregistered codes,
     * including the literal {@code "unknown"}, give {@link #UNKNOWN} (ERRORS.md §15.2).
     */
    public static SempReason parse(String code) {
        Objects.requireNonNull(code, "code");
        return BY_CODE.getOrDefault(code, UNKNOWN);
    }

    /** The lowercase wire form, e.g. {@code "seal_invalid"}. Never send {@link #UNKNOWN}'s. */
    public String code() {
        return code;
    }

    /** The retry class of this code. */
    public Retry retry() {
        return retry;
    }

    /** True when an automated retry is appropriate (ERRORS.md §1). */
    public boolean recoverable() {
        return retry == Retry.RECOVERABLE;
    }
}
