package sempgw.app.demo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small authoritative DNS server on 127.0.0.1, UDP and TCP on one ephemeral port
 * (RFC 1035 §4.2; RFC 7766 §5: TCP is mandatory, several queries per connection), answering
 * from {@link AuthoritativeAnswers}. One virtual thread reads datagrams; one per TCP connection,
 * at most {@value #MAX_TCP_CONNECTIONS} at a time, each closed after {@value #TCP_IDLE_MILLIS} ms
 * without a query (RFC 7766 §6.2.3). A malformed query gets FORMERR or nothing, and the server
 * keeps serving.
 */
final class DnsResponder implements AutoCloseable {
    static final int MAX_TCP_CONNECTIONS = 32;
    static final int TCP_IDLE_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(DnsResponder.class);
    private static final int MAX_DATAGRAM = 65535;
    private static final int BIND_ATTEMPTS = 20;

    private final AuthoritativeAnswers answers;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore tcpSlots = new Semaphore(MAX_TCP_CONNECTIONS);

    private DnsResponder(AuthoritativeAnswers answers, DatagramSocket udp, ServerSocket tcp) {
        this.answers = answers;
        this.udp = udp;
        this.tcp = tcp;
    }

    /** Binds UDP and TCP on the same free loopback port and starts answering for {@code zones}. */
    static DnsResponder start(List<DemoZone> zones) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        IOException last = null;
        for (int i = 0; i < BIND_ATTEMPTS; i++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcp = new ServerSocket();
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                DnsResponder responder = new DnsResponder(new AuthoritativeAnswers(zones), udp, tcp);
                responder.threads.submit(responder::serveUdp);
                responder.threads.submit(responder::acceptTcp);
                return responder;
            } catch (IOException e) {
                udp.close();
                last = e;
            }
        }
        throw new IOException("no loopback port free for both UDP and TCP", last);
    }

    /** The address resolvers send queries to. */
    InetSocketAddress address() {
        return (InetSocketAddress) udp.getLocalSocketAddress();
    }

    private void serveUdp() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                Optional<byte[]> reply = answers.reply(Arrays.copyOf(packet.getData(), packet.getLength()), true);
                if (reply.isPresent()) {
                    udp.send(new DatagramPacket(reply.get(), reply.get().length, packet.getSocketAddress()));
                }
            } catch (SocketException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("dns: UDP query from {} not answered: {}", packet.getSocketAddress(), e.toString());
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket connection = tcp.accept();
                if (!tcpSlots.tryAcquire()) {
                    connection.close();
                    continue;
                }
                threads.submit(() -> serveTcp(connection));
            } catch (IOException e) {
                if (!tcp.isClosed()) {
                    LOG.warn("dns: TCP accept failed: {}", e.toString());
                }
            }
        }
    }

    /** Queries framed by a two-byte length (RFC 1035 §4.2.2), answered in order until EOF, idle timeout or a bad frame. */
    private void serveTcp(Socket connection) {
        try (connection) {
            connection.setSoTimeout(TCP_IDLE_MILLIS);
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (true) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] query = in.readNBytes(length);
                if (query.length < length) {
                    return;
                }
                Optional<byte[]> reply = answers.reply(query, false);
                if (reply.isEmpty()) {
                    return;
                }
                out.writeShort(reply.get().length);
                out.write(reply.get());
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("dns: TCP connection ended: {}", e.toString());
        } finally {
            tcpSlots.release();
        }
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            LOG.debug("dns: closing the TCP listener: {}", e.toString());
        }
        threads.shutdownNow();
    }
}
