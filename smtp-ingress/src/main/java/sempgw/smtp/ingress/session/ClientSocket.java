package sempgw.smtp.ingress.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import org.subethamail.smtp.server.Session;

/**
 * The socket SubEthaSMTP's session talks to: it delegates to the real connection (plain TCP,
 * or the {@link javax.net.ssl.SSLSocket} after STARTTLS) but reads through {@link ClientInput}
 * and {@link CommandLineStream} and writes through {@link ReplyOutput}. This is how the ingress
 * takes over byte-level framing while keeping SubEthaSMTP's accept loop, threads and command
 * dispatch. It also carries the little per-connection state the commands share.
 *
 * <p>Only the methods SubEthaSMTP uses are meaningful; the socket itself is never connected.
 */
public final class ClientSocket extends Socket {
    private final Socket transport;
    private final ReplyOutput replies;
    private final ClientInput input;
    private final CommandLineStream commands;
    private boolean extended;
    private int authFailures;

    /** @param transport the connected TCP or TLS socket */
    public ClientSocket(Socket transport, ConnectionSettings settings) throws IOException {
        this.transport = transport;
        this.replies = new ReplyOutput(transport.getOutputStream(), settings.watchdog(), settings.commandTimeout());
        this.input = new ClientInput(transport, transport.getInputStream(), replies, settings.commandTimeout());
        this.commands = new CommandLineStream(input, replies, settings.verbs(), settings.hostname());
    }

    /** The client socket of a session: every session's socket is one of these. */
    public static ClientSocket of(Session session) {
        return (ClientSocket) session.getSocket();
    }

    public Socket transport() {
        return transport;
    }

    public ClientInput input() {
        return input;
    }

    public ReplyOutput replies() {
        return replies;
    }

    /** True once EHLO (not HELO) was given: the transaction is ESMTP. */
    public boolean extended() {
        return extended;
    }

    public void extended(boolean value) {
        extended = value;
    }

    /** Counts a failed AUTH; returns the failures so far on this connection. */
    public int authFailed() {
        return ++authFailures;
    }

    @Override
    public InputStream getInputStream() {
        return commands;
    }

    @Override
    public OutputStream getOutputStream() {
        return replies;
    }

    /** Timeouts are set per read by {@link ClientInput} from its deadlines. */
    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        transport.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return transport.getSoTimeout();
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    @Override
    public boolean isClosed() {
        return transport.isClosed();
    }

    @Override
    public boolean isBound() {
        return transport.isBound();
    }

    @Override
    public boolean isConnected() {
        return transport.isConnected();
    }

    @Override
    public InetAddress getInetAddress() {
        return transport.getInetAddress();
    }

    @Override
    public int getPort() {
        return transport.getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return transport.getRemoteSocketAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return transport.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return transport.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return transport.getLocalSocketAddress();
    }

    @Override
    public String toString() {
        return "ClientSocket[" + transport + "]";
    }
}
