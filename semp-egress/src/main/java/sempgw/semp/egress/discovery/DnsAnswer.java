package sempgw.semp.egress.discovery;

import java.util.List;
import java.util.OptionalLong;
import org.xbill.DNS.Record;

/**
 * One DNS answer, classified the way discovery needs it. A failure is never read as "no
 * records": only NOERROR without data and NXDOMAIN say that (RFC 2308 §2.1, §2.2).
 */
public sealed interface DnsAnswer {

    /** Records of the asked type; {@code ttl} is the smallest TTL among them (RFC 2181 §5.2). */
    record Records(List<Record> records, long ttl) implements DnsAnswer {
        public Records {
            records = List.copyOf(records);
        }
    }

    /** The name exists but holds no record of the asked type (RFC 2308 §2.2). */
    record NoData(OptionalLong negativeTtl) implements DnsAnswer {
    }

    /** The name does not exist (RCODE 3, RFC 2308 §2.1). */
    record NxDomain(OptionalLong negativeTtl) implements DnsAnswer {
    }

    /** No usable answer: a timeout, SERVFAIL, REFUSED, or an I/O error. */
    record Failure(boolean timeout, String detail) implements DnsAnswer {
    }

    /** True for the two negative answers, which say "no such records". */
    default boolean isNegative() {
        return this instanceof NoData || this instanceof NxDomain;
    }

    /** The TTL the answer may be cached for, if it carries one (RFC 2308 §5 for negatives). */
    default OptionalLong cacheTtl() {
        return switch (this) {
            case Records r -> OptionalLong.of(r.ttl());
            case NoData n -> n.negativeTtl();
            case NxDomain n -> n.negativeTtl();
            case Failure f -> OptionalLong.empty();
        };
    }
}
