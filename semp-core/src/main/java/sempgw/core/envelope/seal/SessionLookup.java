package sempgw.core.envelope.seal;

/**
 * The server's session table as the receive pipeline sees it. The implementation decides which
 * sessions an envelope on this connection may name (semp-go accepts only the connection's own).
 */
@FunctionalInterface
public interface SessionLookup {

    /** The state of {@code sessionId}; never null. */
    SessionState find(String sessionId);
}
