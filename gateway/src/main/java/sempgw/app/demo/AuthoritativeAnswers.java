package sempgw.app.demo;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The answers of an authoritative-only name server for a few zones, as pure functions of the
 * query bytes: no recursion (RA is never set, names outside the zones are {@code REFUSED}),
 * {@code AA} on every answer from a zone, NXDOMAIN and NODATA with the zone's SOA in the
 * authority section (RFC 2308 §2.1, §2.2), EDNS(0) echoed with our payload size (RFC 6891 §6.2.5),
 * and UDP replies cut to the client's limit with TC set so that it retries over TCP
 * (RFC 1035 §4.2.1, RFC 7766 §5).
 */
final class AuthoritativeAnswers {
    /** Our EDNS UDP payload size: the DNS flag day 2020 value, which avoids IP fragmentation. */
    static final int EDNS_PAYLOAD = 1232;
    /** The UDP limit without EDNS (RFC 1035 §2.3.4). */
    static final int CLASSIC_UDP = 512;
    private static final int TCP_MAX = 65535;

    private final List<DemoZone> zones;

    AuthoritativeAnswers(List<DemoZone> zones) {
        this.zones = List.copyOf(zones);
    }

    /**
     * The reply to one query as it goes on the wire, or empty when nothing should be sent: the
     * bytes are a response (QR set) or too short to carry a message ID.
     */
    Optional<byte[]> reply(byte[] query, boolean udp) {
        Message parsed;
        try {
            parsed = new Message(query);
        } catch (IOException e) {
            return formatError(query);
        }
        if (parsed.getHeader().getFlag(Flags.QR)) {
            return Optional.empty();
        }
        OPTRecord opt = parsed.getOPT();
        int limit = !udp ? TCP_MAX : opt == null ? CLASSIC_UDP : Math.max(CLASSIC_UDP, Math.min(opt.getPayloadSize(), EDNS_PAYLOAD));
        return Optional.of(answer(parsed).toWire(limit));
    }

    /** The answer to a parsed query (RFC 1034 §4.3.2 for the zones we hold; everything else refused). */
    Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            return rcode(response, Rcode.NOTIMP);
        }
        if (query.getHeader().getCount(Section.QUESTION) != 1) {
            return rcode(response, Rcode.FORMERR);
        }
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        OPTRecord opt = query.getOPT();
        if (opt != null) {
            if (opt.getVersion() != 0) {
                // RFC 6891 §6.1.3: BADVERS (16) is carried in the OPT record's extended RCODE.
                response.addRecord(new OPTRecord(EDNS_PAYLOAD, Rcode.BADVERS >>> 4, 0), Section.ADDITIONAL);
                return response;
            }
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        int type = question.getType();
        if (question.getDClass() != DClass.IN || type == Type.AXFR || type == Type.IXFR) {
            return rcode(response, Rcode.REFUSED);
        }
        Optional<DemoZone> zone = zones.stream().filter(z -> z.contains(question.getName()))
                .max(Comparator.comparingInt(z -> z.apex().labels()));
        if (zone.isEmpty()) {
            return rcode(response, Rcode.REFUSED);
        }
        h.setFlag(Flags.AA);
        switch (zone.get().lookup(question.getName(), type)) {
            case DemoZone.Found(List<Record> records) -> records.forEach(r -> response.addRecord(r, Section.ANSWER));
            case DemoZone.NoData() -> response.addRecord(zone.get().soa(), Section.AUTHORITY);
            case DemoZone.NxDomain() -> {
                h.setRcode(Rcode.NXDOMAIN);
                response.addRecord(zone.get().soa(), Section.AUTHORITY);
            }
        }
        return response;
    }

    /** FORMERR for bytes that carry a header but no parseable message (RFC 1035 §4.1.1); nothing for fewer than 12 bytes. */
    private static Optional<byte[]> formatError(byte[] query) {
        if (query.length < Header.LENGTH) {
            return Optional.empty();
        }
        int id = ((query[0] & 0xff) << 8) | (query[1] & 0xff);
        boolean isResponse = (query[2] & 0x80) != 0;
        if (isResponse) {
            return Optional.empty();
        }
        Message response = new Message(id);
        response.getHeader().setFlag(Flags.QR);
        return Optional.of(rcode(response, Rcode.FORMERR).toWire());
    }

    private static Message rcode(Message response, int rcode) {
        response.getHeader().setRcode(rcode);
        return response;
    }
}
