package sempgw.semp.egress.federation;

import java.util.Optional;
import sempgw.core.SempReason;

/**
 * A transient failure to reach a peer or to hold a session with it: discovery gave no usable
 * answer, every transport failed, the handshake was refused, the connection closed or an I/O
 * error happened. The caller retries later on its schedule (DELIVERY.md §2.3). The message is
 * operator text for the log; it never contains keys or content.
 */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SempReason reason;
    private final boolean beforeConnected;

    /** A failure with operator text. */
    public DeliveryException(String detail) {
        this(detail, null, null, false);
    }

    /** A failure caused by {@code cause}. */
    public DeliveryException(String detail, Throwable cause) {
        this(detail, null, cause, false);
    }

    private DeliveryException(String detail, SempReason reason, Throwable cause, boolean beforeConnected) {
        super(detail, cause);
        this.reason = reason;
        this.beforeConnected = beforeConnected;
    }

    /** The peer or our handshake ended with {@code reason} (HANDSHAKE.md §4.1). */
    static DeliveryException refused(SempReason reason, String detail) {
        return new DeliveryException(detail, reason, null, false);
    }

    /** No connection could be set up at all: the next transport may be tried (TRANSPORT.md §5.4). */
    static DeliveryException connectFailed(String detail, Throwable cause) {
        return new DeliveryException(detail, null, cause, true);
    }

    /** The SEMP reason code when the handshake was refused; empty for transport failures. */
    public Optional<SempReason> reason() {
        return Optional.ofNullable(reason);
    }

    /** True when the failure happened before any byte reached the peer. */
    boolean connectFailure() {
        return beforeConnected;
    }
}
