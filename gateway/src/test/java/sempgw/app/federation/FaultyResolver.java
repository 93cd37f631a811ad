package sempgw.app.federation;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import sempgw.app.config.ListenAddress;

/**
 * A DNS forwarder on loopback UDP in front of the fixture's resolver: every query goes upstream
 * unchanged, except for names told to fail, which get SERVFAIL (RFC 1035 §4.1.1, RCODE 2) until
 * healed. Counts queries per name, so a test sees whether a cached discovery was dropped.
 */
final class FaultyResolver implements AutoCloseable {
    private static final int UPSTREAM_TIMEOUT_MILLIS = 2_000;

    private final DatagramSocket socket;
    private final SocketAddress upstream;
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final Map<Name, AtomicInteger> queries = new ConcurrentHashMap<>();
    private final Thread thread;

    FaultyResolver(ListenAddress upstream) throws IOException {
        this.upstream = upstream.socketAddress();
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = Thread.ofVirtual().name("faulty-dns").start(this::serve);
    }

    /** Where gateways send their queries ({@code semp.dns_resolver}). */
    ListenAddress address() {
        return new ListenAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** Queries for {@code name} (any type) answer SERVFAIL from now on. */
    void servfail(String name) {
        failing.add(name(name));
    }

    /** Queries for {@code name} go upstream again. */
    void heal(String name) {
        failing.remove(name(name));
    }

    /** Queries seen for {@code name}, failed or forwarded. */
    int queries(String name) {
        AtomicInteger n = queries.get(name(name));
        return n == null ? 0 : n.get();
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                socket.receive(packet);
                byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                SocketAddress client = packet.getSocketAddress();
                Thread.ofVirtual().start(() -> answer(query, client));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void answer(byte[] query, SocketAddress client) {
        try {
            Message message = new Message(query);
            Name qname = message.getQuestion().getName();
            queries.computeIfAbsent(qname, k -> new AtomicInteger()).incrementAndGet();
            byte[] reply = failing.contains(qname) ? servfail(message) : forward(query);
            if (reply != null) {
                socket.send(new DatagramPacket(reply, reply.length, client));
            }
        } catch (IOException e) {
            // An unparsable query or a closed socket: the client times out, as with a lost packet.
        }
    }

    private static byte[] servfail(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        response.getHeader().setFlag(Flags.RD);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        response.getHeader().setRcode(Rcode.SERVFAIL);
        return response.toWire();
    }

    /** The upstream's answer, or null when it gave none in time. */
    private byte[] forward(byte[] query) throws IOException {
        try (DatagramSocket out = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            out.setSoTimeout(UPSTREAM_TIMEOUT_MILLIS);
            out.send(new DatagramPacket(query, query.length, upstream));
            byte[] buf = new byte[65_535];
            DatagramPacket reply = new DatagramPacket(buf, buf.length);
            out.receive(reply);
            return Arrays.copyOf(reply.getData(), reply.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
