package sempgw.semp.ingress;

import java.net.InetSocketAddress;

/** Opens the server side of a federation conversation for a new transport connection or tunnel. */
public interface FederationEndpoint {

    /**
     * @param remote the peer's socket address (transport-level defences only; never SEMP policy,
     *     which keys on domains, REPUTATION.md §1.3)
     * @param transport the binding's identifier, {@code h2} or {@code ws} (TRANSPORT.md §4)
     */
    Conversation open(InetSocketAddress remote, String transport);
}
