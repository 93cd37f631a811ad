package sempgw.semp.egress.discovery;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Asks one question through the injected {@link Resolver} and classifies the answer. Questions
 * run asynchronously so discovery can ask its SRV and TXT questions together; each one is bounded
 * by {@code timeout} whatever the resolver's own setting. Also used for the {@code _semp-verify}
 * TXT lookups of the peers package. Thread-safe.
 */
public final class DnsLookup {

    private final Resolver resolver;
    private final Duration timeout;

    public DnsLookup(Resolver resolver, Duration timeout) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The classified answer; the future never completes exceptionally (errors are {@link DnsAnswer.Failure}). */
    public CompletableFuture<DnsAnswer> ask(Name name, int type) {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        String question = name + "/" + Type.string(type);
        CompletableFuture<Message> sent;
        try {
            sent = resolver.sendAsync(query).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new DnsAnswer.Failure(false, question + ": " + e));
        }
        return sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> error == null
                        ? classify(question, type, response)
                        : failure(question, error));
    }

    private static DnsAnswer classify(String question, int type, Message response) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new DnsAnswer.NxDomain(negativeTtl(response));
        }
        if (rcode != Rcode.NOERROR) {
            return new DnsAnswer.Failure(false, question + ": " + Rcode.string(rcode));
        }
        List<Record> records = response.getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == type)
                .toList();
        if (records.isEmpty()) {
            return new DnsAnswer.NoData(negativeTtl(response));
        }
        long ttl = records.stream().mapToLong(Record::getTTL).min().orElseThrow();
        return new DnsAnswer.Records(records, ttl);
    }

    /** min(SOA TTL, SOA MINIMUM) from the authority section (RFC 2308 §5). */
    private static OptionalLong negativeTtl(Message response) {
        return response.getSection(Section.AUTHORITY).stream()
                .filter(SOARecord.class::isInstance)
                .map(SOARecord.class::cast)
                .mapToLong(soa -> Math.min(soa.getTTL(), soa.getMinimum()))
                .min();
    }

    private static DnsAnswer failure(String question, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean timeout = cause instanceof SocketTimeoutException || cause instanceof TimeoutException;
        String what = timeout ? "timed out" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        return new DnsAnswer.Failure(timeout, question + ": " + what);
    }
}
