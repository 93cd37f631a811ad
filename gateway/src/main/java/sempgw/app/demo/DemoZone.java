package sempgw.app.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * One zone the demo's DNS responder is authoritative for: the records given (what
 * {@code dns-records} prints for the gateway) plus the apex SOA and NS, an MX and A records
 * pointing at 127.0.0.1. Answers questions as RFC 1034 §4.3.2 steps 3a to 3c do for a zone
 * without delegations or CNAMEs; a name that owns nothing but has names below it (an empty
 * non-terminal such as {@code _tcp.<zone>}) exists and answers NODATA, never NXDOMAIN (RFC 8020 §2).
 */
final class DemoZone {
    /** TTL of the records this class adds, and the negative-caching TTL (RFC 2308 §5). */
    static final long TTL = 300;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final Name apex;
    private final SOARecord soa;
    private final Map<Name, List<Record>> byOwner;

    private DemoZone(Name apex, SOARecord soa, Map<Name, List<Record>> byOwner) {
        this.apex = apex;
        this.soa = soa;
        this.byOwner = byOwner;
    }

    /**
     * @param domain the zone apex, e.g. {@code alpha.test}
     * @param published records owned by the apex or names below it, class IN
     * @throws IllegalArgumentException if a record is outside the zone or not class IN
     */
    static DemoZone of(String domain, List<Record> published) {
        Name apex = Name.fromConstantString(domain.endsWith(".") ? domain : domain + ".");
        Name ns = child("ns", apex);
        Name mail = child("mail", apex);
        SOARecord soa = new SOARecord(apex, DClass.IN, TTL, ns, child("hostmaster", apex), 1, 3600, 600, 86400, TTL);
        List<Record> all = new ArrayList<>(published);
        all.add(soa);
        all.add(new NSRecord(apex, DClass.IN, TTL, ns));
        all.add(new MXRecord(apex, DClass.IN, TTL, 10, mail));
        for (Name host : List.of(apex, ns, mail, child("semp", apex))) {
            all.add(new ARecord(host, DClass.IN, TTL, loopback()));
        }
        Map<Name, List<Record>> byOwner = new LinkedHashMap<>();
        for (Record r : all) {
            if (!r.getName().subdomain(apex) || r.getDClass() != DClass.IN) {
                throw new IllegalArgumentException("not an IN record of " + apex + ": " + r);
            }
            byOwner.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
        }
        byOwner.replaceAll((n, rs) -> List.copyOf(rs));
        return new DemoZone(apex, soa, byOwner);
    }

    /** What the zone says about {@code name} (inside it) and {@code type} ({@link Type#ANY} for every type). */
    sealed interface Lookup permits Found, NoData, NxDomain {
    }

    record Found(List<Record> records) implements Lookup {
    }

    record NoData() implements Lookup {
    }

    record NxDomain() implements Lookup {
    }

    Name apex() {
        return apex;
    }

    boolean contains(Name name) {
        return name.subdomain(apex);
    }

    /** The SOA for the authority section of a negative answer (RFC 2308 §3). */
    SOARecord soa() {
        return soa;
    }

    Lookup lookup(Name name, int type) {
        List<Record> owned = byOwner.getOrDefault(name, List.of());
        List<Record> matching = owned.stream().filter(r -> type == Type.ANY || r.getType() == type).toList();
        if (!matching.isEmpty()) {
            return new Found(matching);
        }
        boolean exists = !owned.isEmpty() || byOwner.keySet().stream().anyMatch(owner -> owner.subdomain(name));
        return exists ? new NoData() : new NxDomain();
    }

    private static Name child(String label, Name parent) {
        return Name.fromConstantString(label + "." + parent);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(LOOPBACK.clone());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a four-byte address is always valid", e);
        }
    }
}
