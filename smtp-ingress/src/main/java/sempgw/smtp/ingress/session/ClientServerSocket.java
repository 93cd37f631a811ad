package sempgw.smtp.ingress.session;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The listening socket handed to SubEthaSMTP ({@code serverSocketFactory}): every accepted
 * connection comes back wrapped in a {@link ClientSocket}, with Nagle's algorithm off so that
 * small replies are not held back (RFC 2920 §3.2 batching is done by {@link ReplyOutput}).
 */
public final class ClientServerSocket extends ServerSocket {
    private final ConnectionSettings settings;

    public ClientServerSocket(ConnectionSettings settings) throws IOException {
        this.settings = settings;
    }

    @Override
    public Socket accept() throws IOException {
        Socket raw = super.accept();
        try {
            raw.setTcpNoDelay(true);
            return new ClientSocket(raw, settings);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
