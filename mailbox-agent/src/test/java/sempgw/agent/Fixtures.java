package sempgw.agent;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import sempgw.core.envelope.EnvelopeFormatException;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.enclosure.EnclosureCodec;

/** Contexts, messages and a simulated wire trip for the conversion tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-06-08T12:05:00Z");
    static final String SENDER = "alice@corp.example";

    private Fixtures() {
    }

    /** A message from lines joined with CRLF, ending in CRLF. */
    static byte[] message(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Ids 01JX0000000000000000000001, ...: ULID-shaped and distinct. */
    static java.util.function.Supplier<String> ids() {
        AtomicInteger n = new AtomicInteger();
        return () -> "01JX" + String.format("%022d", n.incrementAndGet());
    }

    static OutboundContext context(List<String> envelope, List<String> now) {
        return new OutboundContext(SENDER, envelope, now, NOW, ids());
    }

    /** One batch holding every recipient (all must share a domain). */
    static OutboundContext context(String... recipients) {
        return context(List.of(recipients), List.of(recipients));
    }

    static OutboundMessage convert(byte[] mime, OutboundContext ctx) throws ConversionException {
        return MimeToSemp.convert(new ByteArrayInputStream(mime), ctx);
    }

    /** The brief and enclosure as the receiving client decodes them from their JSON. */
    static Opened wire(OutboundMessage m) {
        try {
            Brief b = BriefCodec.decode(BriefCodec.encode(m.draft().brief()));
            Enclosure e = EnclosureCodec.fromJson(EnclosureCodec.parse(EnclosureCodec.encode(m.draft().enclosure())));
            return new Opened(b, e);
        } catch (EnvelopeFormatException ex) {
            throw new AssertionError("the draft does not survive its own JSON", ex);
        }
    }

    record Opened(Brief brief, Enclosure enclosure) {
    }

    /** The message a mailbox at {@code mailbox} receives for {@code o}, verified. */
    static byte[] render(Opened o, String mailbox) {
        String domain = o.brief().from().substring(o.brief().from().indexOf('@') + 1);
        return SempToMime.render(new InboundContext(o.brief(), Optional.of(o.enclosure()),
                Verification.semp(Verification.SignatureCheck.PASS, domain), mailbox, NOW.plusSeconds(5), "gw.peer.example"));
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
