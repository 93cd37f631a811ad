package sempgw.semp.egress.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on loopback UDP answering from a table, built with dnsjava's message classes, for
 * discovery and routing tests. A name with records, with records below it (an empty non-terminal)
 * or declared with {@link #exists(String)}, exists: other types get NOERROR without data; ANY gets
 * every record of the name. Other names get NXDOMAIN. Negative answers carry the SOA of a
 * configured zone (RFC 2308 §3). A name can be made to answer SERVFAIL, or nothing at all (a
 * timeout).
 */
public final class TestDnsServer implements AutoCloseable {

    /** The TTL of records added without one. */
    public static final long DEFAULT_TTL = 60;

    private final DatagramSocket socket;
    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final Set<Name> existing = ConcurrentHashMap.newKeySet();
    private final Map<Name, SOARecord> zones = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final Map<Name, AtomicInteger> queriesByName = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final Thread thread;

    public TestDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofVirtual().name("test-dns").start(this::serve);
    }

    /** A resolver pointed at this server, with a one-second timeout. */
    public SimpleResolver resolver() {
        return resolver(Duration.ofSeconds(1));
    }

    /** A resolver pointed at this server, giving up on a question after {@code timeout}. */
    public SimpleResolver resolver(Duration timeout) {
        SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
        r.setTimeout(timeout);
        return r;
    }

    public TestDnsServer srv(String name, int priority, int weight, int port, String target, long ttl) {
        return add(new SRVRecord(name(name), DClass.IN, ttl, priority, weight, port, name(target)));
    }

    public TestDnsServer txt(String name, String text, long ttl) {
        return add(new TXTRecord(name(name), DClass.IN, ttl, text));
    }

    public TestDnsServer txtStrings(String name, List<String> strings, long ttl) {
        return add(new TXTRecord(name(name), DClass.IN, ttl, strings));
    }

    public TestDnsServer mx(String domain, int preference, String exchange, long ttl) {
        return add(new MXRecord(name(domain), DClass.IN, ttl, preference, name(exchange)));
    }

    public TestDnsServer mx(String domain, int preference, String exchange) {
        return mx(domain, preference, exchange, DEFAULT_TTL);
    }

    public TestDnsServer a(String host, String address) {
        return a(host, address, DEFAULT_TTL);
    }

    public TestDnsServer a(String host, String address, long ttl) {
        try {
            return add(new ARecord(name(host), DClass.IN, ttl, InetAddress.getByName(address)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public TestDnsServer aaaa(String host, String address, long ttl) {
        try {
            return add(new AAAARecord(name(host), DClass.IN, ttl, InetAddress.getByName(address)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Negative answers for names under {@code zone} carry an SOA with these TTL and MINIMUM (RFC 2308 §5). */
    public TestDnsServer zone(String zone, long soaTtl, long minimum) {
        Name z = name(zone);
        zones.put(z, new SOARecord(z, DClass.IN, soaTtl, name("ns." + zone), name("hostmaster." + zone), 1, 3600, 600, 86400, minimum));
        return this;
    }

    /** The name exists (NOERROR) but has no records of any type. */
    public TestDnsServer exists(String name) {
        existing.add(name(name));
        return this;
    }

    public TestDnsServer servfail(String name) {
        servfail.add(name(name));
        return this;
    }

    /** Questions about this name get no answer at all (a timeout). */
    public TestDnsServer silent(String name) {
        silent.add(name(name));
        return this;
    }

    /** Removes every record owned by {@code name}, its {@link #exists(String)} mark and its failure modes. */
    public TestDnsServer clear(String name) {
        Name n = name(name);
        records.removeIf(r -> r.getName().equals(n));
        existing.remove(n);
        servfail.remove(n);
        silent.remove(n);
        return this;
    }

    public int queries() {
        return queries.get();
    }

    public int queries(String name) {
        AtomicInteger n = queriesByName.get(name(name));
        return n == null ? 0 : n.get();
    }

    private TestDnsServer add(Record r) {
        records.add(r);
        return this;
    }

    public static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                queries.incrementAndGet();
                queriesByName.computeIfAbsent(question.getName(), k -> new AtomicInteger()).incrementAndGet();
                if (silent.contains(question.getName())) {
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
        Name qname = question.getName();
        if (servfail.contains(qname)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        boolean exists = existing.contains(qname);
        for (Record r : records) {
            if (r.getName().equals(qname)) {
                exists = true;
                if (r.getType() == question.getType() || question.getType() == Type.ANY) {
                    response.addRecord(r, Section.ANSWER);
                }
            } else if (r.getName().subdomain(qname)) {
                exists = true;
            }
        }
        if (!exists) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        if (response.getSection(Section.ANSWER).isEmpty()) {
            zones.forEach((zone, soa) -> {
                if (qname.subdomain(zone)) {
                    response.addRecord(soa, Section.AUTHORITY);
                }
            });
        }
        return response;
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
