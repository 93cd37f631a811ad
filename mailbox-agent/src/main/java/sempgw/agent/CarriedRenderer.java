package sempgw.agent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import sempgw.agent.mime.AddressParser;
import sempgw.agent.mime.DateHeader;
import sempgw.agent.mime.HeaderField;
import sempgw.agent.mime.HeaderReader;
import sempgw.agent.mime.HeaderSection;
import sempgw.agent.mime.HeaderWriter;
import sempgw.agent.mime.Mailbox;
import sempgw.agent.mime.MessageIds;
import sempgw.agent.mime.MimeException;
import sempgw.agent.mime.MimeLimits;
import sempgw.agent.mime.Slice;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.envelope.brief.Brief;

/**
 * The message a sending gateway carried, as the mailbox receives it: every byte from the first
 * MIME structure header on as carried, the top-level header adjusted (CLIENT.md §6.4.2):
 * <ol>
 *   <li>{@code SEMP-Verification} first, the only one ({@link HeaderPolicy} drops carried
 *   {@code SEMP-*}, trace fields and {@code Bcc}).</li>
 *   <li>{@code From}, {@code To}, {@code Cc}, {@code Subject}, {@code Date}, {@code In-Reply-To},
 *   {@code References} and the original {@code Message-ID} kept as carried; missing {@code From},
 *   {@code Date} or {@code Message-ID} added from the brief ({@code <message_id@semp.invalid>}).</li>
 *   <li>A {@code From} whose addresses are not all in the sender's SEMP domain is replaced by the
 *   verified sender ({@code brief.from}) with the carried display name, and kept as
 *   {@code X-Original-From}: the sender signature vouches for {@code brief.from}, and a carried
 *   header must not claim another domain's author.</li>
 * </ol>
 * Line ends are made CRLF. A carried header that does not parse yields empty: the caller
 * renders the native fields instead.
 */
final class CarriedRenderer {
    private CarriedRenderer() {
    }

    static Optional<byte[]> render(byte[] message, InboundContext ctx) {
        byte[] msg = MessageReader.crlf(message);
        HeaderSection top;
        try {
            top = HeaderReader.read(msg, 0, msg.length, MimeLimits.defaults());
        } catch (MimeException e) {
            return Optional.empty();
        }
        Brief b = ctx.brief();
        String senderDomain = b.from().substring(b.from().lastIndexOf('@') + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(msg.length + 512);
        write(out, VerificationHeader.field(ctx.verification()));
        for (HeaderField f : top.fields()) {
            if (!HeaderPolicy.carried(f.name())) {
                continue;
            }
            if (f.is("From") && !aligned(f, senderDomain)) {
                List<Mailbox> claimed = AddressParser.parse(f.value());
                Optional<String> display = claimed.isEmpty() ? Optional.empty()
                        : claimed.getFirst().displayName().or(() -> Optional.of(claimed.getFirst().address()));
                write(out, HeaderWriter.addresses("From", List.of(HeaderWriter.mailbox(display, b.from()))));
                Slice raw = f.raw();
                int colon = indexOf(raw, ':');
                write(out, "X-Original-From");
                out.write(raw.buf(), raw.from() + colon, raw.length() - colon);
            } else {
                out.write(f.raw().buf(), f.raw().from(), f.raw().length());
            }
            if (!endsWithCrlf(f.raw())) {
                write(out, "\r\n");
            }
        }
        if (top.first("From").isEmpty()) {
            write(out, HeaderWriter.addresses("From", List.of(HeaderWriter.addrSpec(b.from()))));
        }
        if (top.first("Date").isEmpty()) {
            write(out, HeaderWriter.simple("Date", DateHeader.format(b.sentAt())));
        }
        if (top.first("Message-ID").isEmpty()) {
            write(out, HeaderWriter.simple("Message-ID", MessageIds.synthetic(b.messageId())));
        }
        write(out, "\r\n");
        out.write(msg, top.bodyStart(), msg.length - top.bodyStart());
        return Optional.of(out.toByteArray());
    }

    /** True when the field names at least one mailbox and every mailbox is in {@code domain}. */
    private static boolean aligned(HeaderField from, String domain) {
        List<Mailbox> boxes = AddressParser.parse(from.value());
        if (boxes.isEmpty()) {
            return false;
        }
        for (Mailbox m : boxes) {
            try {
                if (!SempAddress.canonicalize(m.address()).domain().equals(domain)) {
                    return false;
                }
            } catch (InvalidAddressException e) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(Slice s, int c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.at(i) == c) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean endsWithCrlf(Slice s) {
        return s.length() >= 2 && s.at(s.length() - 2) == '\r' && s.at(s.length() - 1) == '\n';
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
