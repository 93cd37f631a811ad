package sempgw.smtp.egress.client;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One connection's byte streams (TCP, TLS over TCP, or a Unix-domain socket), every blocking
 * call under an {@link IoWatchdog} limit. Output is buffered: nothing leaves before {@code flush}.
 */
public final class Wire implements Closeable {

    private static final int OUT_BUFFER = 16 * 1024;
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final Closeable connection;
    private final Socket socket;
    private final IoWatchdog.Guard guard;
    private final InputStream in;
    private final OutputStream out;
    private final SSLSession tlsSession;

    private Wire(Closeable connection, Socket socket, IoWatchdog.Guard guard, InputStream rawIn, OutputStream rawOut, SSLSession tls) {
        this.connection = connection;
        this.socket = socket;
        this.guard = guard;
        this.in = TimedStreams.input(rawIn, guard);
        this.out = new BufferedOutputStream(TimedStreams.output(rawOut, guard), OUT_BUFFER);
        this.tlsSession = tls;
    }

    /** Opens a TCP connection within {@code connectTimeout}. */
    public static Wire connect(Target.Inet target, Duration connectTimeout, IoWatchdog watchdog) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(target.address(), target.port()), Math.toIntExact(connectTimeout.toMillis()));
            return new Wire(socket, socket, watchdog.guard(socket), socket.getInputStream(), socket.getOutputStream(), null);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Opens a Unix-domain stream socket. */
    public static Wire connect(Target.Unix target, IoWatchdog watchdog) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(target.path()));
        return new Wire(channel, null, watchdog.guard(channel), Channels.newInputStream(channel), Channels.newOutputStream(channel), null);
    }

    /**
     * Performs the TLS handshake over this TCP connection after a 220 reply to STARTTLS
     * (RFC 3207 §4). With {@code verify}, the certificate must chain to the context's trust
     * anchors and match {@code hostName} (RFC 6125 §6 via the JDK's HTTPS identity rules,
     * which RFC 7817 §3 adopts for SMTP). SNI carries the host name (RFC 6066 §3).
     * This wire must not be used afterwards; the returned one replaces it.
     */
    public Wire startTls(SSLSocketFactory factory, String hostName, boolean verify, Duration timeout) throws IOException {
        if (socket == null) {
            throw new IOException("STARTTLS is not available on a Unix-domain socket");
        }
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, hostName, socket.getPort(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setProtocols(Arrays.stream(ssl.getSupportedProtocols()).filter(PROTOCOLS::contains).toArray(String[]::new));
        if (!isAddressLiteral(hostName)) {
            params.setServerNames(List.of(new SNIHostName(hostName)));
        }
        if (verify) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        ssl.setSSLParameters(params);
        ssl.setUseClientMode(true);
        guard.limit(timeout);
        guard.begin();
        try {
            ssl.startHandshake();
        } finally {
            guard.end();
        }
        guard.release();
        IoWatchdog.Guard tlsGuard = guardFor(ssl);
        return new Wire(ssl, ssl, tlsGuard, ssl.getInputStream(), ssl.getOutputStream(), ssl.getSession());
    }

    private IoWatchdog.Guard guardFor(SSLSocket ssl) {
        return guard.owner().guard(ssl);
    }

    /** SNI names must not be IP addresses (RFC 6066 §3). */
    private static boolean isAddressLiteral(String name) {
        return name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    /** Sets the limit for the reads and writes that follow. */
    public void limit(Duration timeout) {
        guard.limit(timeout);
    }

    /** The TLS session, once STARTTLS succeeded. */
    public Optional<SSLSession> tls() {
        return Optional.ofNullable(tlsSession);
    }

    @Override
    public void close() {
        guard.release();
        try {
            connection.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }
}
