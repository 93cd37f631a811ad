package sempgw.semp.egress.peers;

import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import sempgw.semp.egress.discovery.DnsAnswer;
import sempgw.semp.egress.discovery.DnsLookup;

/**
 * TXT lookups through the gateway's dnsjava {@link Resolver}, bounded by a timeout; the question
 * and its classification are discovery's {@link DnsLookup} (a failure is never "no records",
 * RFC 2308 §2).
 */
public final class DnsTxtLookup implements TxtLookup {

    private final DnsLookup dns;

    public DnsTxtLookup(Resolver resolver, Duration timeout) {
        this.dns = new DnsLookup(resolver, timeout);
    }

    @Override
    public Answer txt(String name) {
        Name qname;
        try {
            qname = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            return new Answer.None();
        }
        return switch (dns.ask(qname, Type.TXT).join()) {
            case DnsAnswer.Records r -> new Answer.Found(texts(r));
            case DnsAnswer.NoData n -> new Answer.None();
            case DnsAnswer.NxDomain n -> new Answer.None();
            case DnsAnswer.Failure f -> new Answer.Failed(f.detail());
        };
    }

    /** Each record's character-strings concatenated (RFC 1035 §3.3.14). */
    private static List<String> texts(DnsAnswer.Records answer) {
        return answer.records().stream()
                .filter(TXTRecord.class::isInstance)
                .map(r -> String.join("", ((TXTRecord) r).getStrings()))
                .toList();
    }
}
