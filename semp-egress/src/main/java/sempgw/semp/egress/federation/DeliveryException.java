package sempgw.semp.egress.federation;

import java.util.Optional;
import sempgw.core.SempReason;

/**
 * A failure to reach a peer or to hold a session with it: discovery gave no usable answer, every
 * transport failed, the handshake was refused, the connection closed or an I/O error happened.
 * Transient unless {@link #terminal()}: the caller retries later on its schedule (DELIVERY.md
 * §2.3). The message is operator text for the log; it never contains keys or content.
 */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SempReason reason;
    private final boolean terminal;
    private final boolean beforeConnected;
    private final transient RefusedChallenge refusedChallenge;

    /** A transient failure with operator text. */
    public DeliveryException(String detail) {
        this(detail, null, null, false, false);
    }

    /** A transient failure caused by {@code cause}. */
    public DeliveryException(String detail, Throwable cause) {
        this(detail, null, cause, false, false);
    }

    private DeliveryException(String detail, SempReason reason, Throwable cause, boolean beforeConnected, boolean terminal) {
        this(detail, reason, cause, beforeConnected, terminal, null);
    }

    private DeliveryException(String detail, SempReason reason, Throwable cause, boolean beforeConnected, boolean terminal,
                              RefusedChallenge refusedChallenge) {
        super(detail, cause);
        this.reason = reason;
        this.beforeConnected = beforeConnected;
        this.terminal = terminal;
        this.refusedChallenge = refusedChallenge;
    }

    /**
     * The peer ended the handshake with a {@code rejected} carrying {@code reason} (HANDSHAKE.md
     * §4.1). Terminal exactly when the registry marks the code non-recoverable: the sender MUST NOT
     * retry those automatically (ERRORS.md §1, §2); an unregistered code is terminal too (§15.2).
     */
    public static DeliveryException refusedByPeer(SempReason reason, String detail) {
        return new DeliveryException(detail, reason, null, false, !reason.recoverable());
    }

    /**
     * We ended the handshake with {@code reason}: a timeout, or a check of the peer's messages
     * failed (other than a challenge above the difficulty cap, {@link #challengeRefused}). Never
     * terminal: {@code auth_failed} here may be a stale cached key or a failed key fetch, which the
     * retry after {@link PeerSessions#invalidate} fetches afresh; {@code challenge_invalid} for an
     * {@code expires} below the floor may be latency or a second of clock skew (CONFORMANCE.md
     * §9.3.3), and a challenge type we do not run one a future version defines (HANDSHAKE.md §2.2a.5).
     */
    static DeliveryException refusedLocally(SempReason reason, String detail) {
        return new DeliveryException(detail, reason, null, false, false);
    }

    /**
     * We aborted the handshake with {@code challenge_invalid} because the peer's signed challenge
     * asked for a difficulty above the cap of 28 (HANDSHAKE.md §2.2a.2, {@link RefusedChallenge#aboveCap()}).
     * Terminal: the peer is misbehaving and MUST NOT be tried again under the same conditions
     * (§2.2a.2, §2.2a.6; ERRORS.md §2 "Do not retry"), and the challenge is kept as evidence
     * ({@link #refusedChallenge()}). Our other {@code challenge_invalid} aborts are {@link #refusedLocally}.
     */
    static DeliveryException challengeRefused(String detail, RefusedChallenge challenge) {
        return new DeliveryException(detail, SempReason.CHALLENGE_INVALID, null, false, true, challenge);
    }

    /**
     * The peer's own configuration document rules a session out, before any connection: no suite
     * in common ({@code policy_forbidden}, what the peer's responder would answer), or an
     * extension it requires that we lack ({@code extension_unsupported}, DISCOVERY.md §3.1.4).
     * Terminal.
     */
    static DeliveryException impossible(SempReason reason, String detail) {
        return new DeliveryException(detail, reason, null, false, true);
    }

    /** No connection could be set up at all: the next transport may be tried (TRANSPORT.md §5.4). */
    static DeliveryException connectFailed(String detail, Throwable cause) {
        return new DeliveryException(detail, null, cause, true, false);
    }

    /** The same failure, reported again with {@code detail} to a call made while it is remembered. */
    DeliveryException repeated(String detail) {
        return new DeliveryException(detail, reason, null, false, terminal);
    }

    /** The challenge we refused, when this failure is {@link #challengeRefused}; not carried by {@link #repeated}. */
    Optional<RefusedChallenge> refusedChallenge() {
        return Optional.ofNullable(refusedChallenge);
    }

    /** The SEMP reason code when the handshake was refused or ruled out; empty for transport failures. */
    public Optional<SempReason> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * True when retrying cannot help: the peer refused with a non-recoverable code, its
     * configuration rules a session out, or it issued a challenge above the difficulty cap.
     * {@link #reason()} is then present.
     */
    public boolean terminal() {
        return terminal;
    }

    /** True when the failure happened before any byte reached the peer. */
    boolean connectFailure() {
        return beforeConnected;
    }
}
