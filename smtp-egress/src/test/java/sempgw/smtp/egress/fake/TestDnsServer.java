package sempgw.smtp.egress.fake;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative-looking DNS server on loopback UDP that answers from a table, for
 * routing tests. Names not in the table are NXDOMAIN; a name with records of other types only
 * answers NOERROR with no data; a name can be set to answer SERVFAIL or not at all.
 */
public final class TestDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<Name, Integer> rcodes = new ConcurrentHashMap<>();
    private final Map<Name, Boolean> silent = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final Thread thread;

    public TestDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofVirtual().start(this::serve);
    }

    /** A resolver pointed at this server, with a short timeout. */
    public SimpleResolver resolver() {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
        resolver.setTimeout(Duration.ofMillis(400));
        return resolver;
    }

    public TestDnsServer mx(String domain, int preference, String exchange) {
        return add(new MXRecord(name(domain), DClass.IN, 60, preference, name(exchange)));
    }

    public TestDnsServer a(String host, String address) {
        try {
            return add(new ARecord(name(host), DClass.IN, 60, InetAddress.getByName(address)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The name exists (NOERROR) but has no records of the asked type. */
    public TestDnsServer exists(String host) {
        records.computeIfAbsent(name(host), n -> new ArrayList<>());
        return this;
    }

    public TestDnsServer servfail(String host) {
        rcodes.put(name(host), Rcode.SERVFAIL);
        return this;
    }

    /** Questions about this name get no answer at all (a timeout). */
    public TestDnsServer silent(String host) {
        silent.put(name(host), true);
        return this;
    }

    public int queries() {
        return queries.get();
    }

    private TestDnsServer add(Record record) {
        records.computeIfAbsent(record.getName(), n -> new ArrayList<>()).add(record);
        return this;
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                socket.receive(packet);
                queries.incrementAndGet();
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                if (silent.containsKey(question.getName())) {
                    continue;
                }
                byte[] answer = answer(query, question).toWire();
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query, Record question) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        Integer rcode = rcodes.get(question.getName());
        List<Record> known = records.get(question.getName());
        if (rcode != null) {
            response.getHeader().setRcode(rcode);
        } else if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            for (Record r : known) {
                if (r.getType() == question.getType() || question.getType() == Type.ANY) {
                    response.addRecord(r, Section.ANSWER);
                }
            }
        }
        return response;
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
