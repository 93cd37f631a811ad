package sempgw.e2e.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * A broken upstream name server on loopback UDP: every query gets SERVFAIL (RFC 1035 §4.1.1,
 * rcode 2). dnsmasq forwards a domain to it ({@code server=/domain/127.0.0.1#port}) and passes
 * the failure on, so a resolver sees a real server failure for that domain, not a timeout.
 */
public final class ServfailServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger queries = new AtomicInteger();

    private ServfailServer(DatagramSocket socket) {
        this.socket = socket;
    }

    public static ServfailServer start() throws IOException {
        ServfailServer server = new ServfailServer(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        Thread.ofVirtual().name("servfail-dns").start(server::serve);
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Queries answered so far. */
    public int queries() {
        return queries.get();
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.getHeader().setFlag(Flags.RA);
                if (query.getHeader().getFlag(Flags.RD)) {
                    response.getHeader().setFlag(Flags.RD);
                }
                response.getHeader().setRcode(Rcode.SERVFAIL);
                if (query.getQuestion() != null) {
                    response.addRecord(query.getQuestion(), Section.QUESTION);
                }
                queries.incrementAndGet();
                byte[] wire = response.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
