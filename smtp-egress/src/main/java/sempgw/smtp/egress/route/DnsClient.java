package sempgw.smtp.egress.route;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One DNS question to a recursive resolver, with the answer classified the way mail routing
 * needs it: records, no records of that type, no such domain, or a failure that must be retried.
 * A SERVFAIL or a timeout is never taken to mean "no records" (GATEWAY.md §4: a DNS failure is a
 * temporary failure). A {@code .onion} name is never sent (RFC 7686 §2). The {@link Resolver} is
 * injected, so tests point it at their own server.
 */
final class DnsClient {

    private final Resolver resolver;

    DnsClient(Resolver resolver) {
        this.resolver = Objects.requireNonNull(resolver);
    }

    /** The classified answer to a question. */
    sealed interface Answer {
        record Records(List<Record> records) implements Answer {
        }

        /** The name exists but has no records of that type (NOERROR, empty answer; RFC 2308 §2.2). */
        record NoData() implements Answer {
        }

        /** The name does not exist (RCODE 3; RFC 2308 §2.1). */
        record NxDomain() implements Answer {
        }

        record Failure(String reason) implements Answer {
        }
    }

    Answer query(String name, int type) {
        if (isOnion(name)) {
            return new Answer.NxDomain();
        }
        Name qname;
        try {
            qname = Name.fromString(java.net.IDN.toASCII(name, java.net.IDN.USE_STD3_ASCII_RULES), Name.root);
        } catch (TextParseException | IllegalArgumentException e) {
            return new Answer.NxDomain();
        }
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
        } catch (IOException e) {
            return new Answer.Failure("DNS lookup of " + name + "/" + Type.string(type) + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new Answer.NxDomain();
        }
        if (rcode != Rcode.NOERROR) {
            return new Answer.Failure("DNS lookup of " + name + "/" + Type.string(type) + " failed: " + Rcode.string(rcode));
        }
        List<Record> records = response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        return records.isEmpty() ? new Answer.NoData() : new Answer.Records(records);
    }

    /**
     * True for a name under {@code .onion}, a Tor onion service: never asked of DNS, which would
     * leak the destination to the resolver; a resolution API answers NXDOMAIN itself (RFC 7686 §2
     * items 3 and 4). Mail to such a domain can go only over SEMP (CONFORMANCE.md §4.4).
     */
    static boolean isOnion(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return n.regionMatches(true, Math.max(0, n.length() - 6), ".onion", 0, 6) || n.equalsIgnoreCase("onion");
    }
}
