package sempgw.semp.egress.peers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** TXT lookups through the gateway's dnsjava {@link Resolver}, bounded by a timeout. */
public final class DnsTxtLookup implements TxtLookup {

    private final Resolver resolver;
    private final Duration timeout;

    public DnsTxtLookup(Resolver resolver, Duration timeout) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Answer txt(String name) {
        Message response;
        try {
            Name qname = Name.fromString(name, Name.root);
            response = resolver.sendAsync(Message.newQuery(Record.newRecord(qname, Type.TXT, DClass.IN)))
                    .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TextParseException e) {
            return new Answer.None();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Failed(name + ": interrupted");
        } catch (TimeoutException e) {
            return new Answer.Failed(name + ": timed out");
        } catch (ExecutionException | RuntimeException e) {
            return new Answer.Failed(name + ": " + (e.getCause() == null ? e : e.getCause()));
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new Answer.None();
        }
        if (rcode != Rcode.NOERROR) {
            return new Answer.Failed(name + ": " + Rcode.string(rcode));
        }
        List<String> texts = response.getSection(Section.ANSWER).stream()
                .filter(TXTRecord.class::isInstance)
                .map(r -> String.join("", ((TXTRecord) r).getStrings()))
                .toList();
        return texts.isEmpty() ? new Answer.None() : new Answer.Found(texts);
    }
}
