package sempgw.agent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sempgw.agent.mime.AddressParser;
import sempgw.agent.mime.DateHeader;
import sempgw.agent.mime.HeaderField;
import sempgw.agent.mime.HeaderSection;
import sempgw.agent.mime.Mailbox;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.json.JsonObject;

/**
 * The brief of one delivery batch (ENVELOPE.md §5):
 * <ol>
 *   <li>{@code from} is the provisioned sender's SEMP address, which must be canonical.</li>
 *   <li>Every envelope recipient is canonicalized (§2.3; NFC, A-label, lower-case domain), or
 *   the message is refused with {@link ConversionError#INVALID_ADDRESS}.</li>
 *   <li>{@code to} and {@code cc} are the {@code To}/{@code Cc} header mailboxes that are
 *   envelope recipients, in header order and in their envelope form; a header address matches an
 *   envelope recipient when both canonicalize to the same address, the local part compared
 *   without ASCII case (SMTP practice; the envelope form is used). Recipients at the batch's
 *   domain that are not in this batch are left out, because the receiving server delivers to
 *   every brief recipient of its domain.</li>
 *   <li>{@code bcc} holds this batch's recipients that are in neither header; the composer
 *   makes one envelope per Bcc recipient (§5.3).</li>
 *   <li>{@code reply_to} is the first {@code Reply-To} mailbox that canonicalizes, absent when
 *   none does (never a refusal: the recipients are fine, and the carried header keeps the field);
 *   {@code sent_at} the {@code Date} to the second, else now, and now as well for a {@code Date}
 *   ahead of our clock: a receiver must refuse a time claimed more than 15 minutes ahead of its
 *   own (CONFORMANCE.md §9.3.1, §9.3.3), and an author's clock that runs ahead must not have the
 *   message refused (the carried MIME keeps the author's {@code Date}); threading per
 *   {@link Threading}.</li>
 * </ol>
 */
final class BriefMapper {
    private BriefMapper() {
    }

    static Brief map(HeaderSection top, OutboundContext ctx, String messageId) throws ConversionException {
        String from = strict(ctx.senderAddress(), "the sender address is not a canonical SEMP address (ENVELOPE.md §2.3)");
        Map<String, String> envelope = new LinkedHashMap<>();
        for (String r : ctx.envelopeRecipients()) {
            String c = canonical(r, "an envelope recipient cannot be made a canonical SEMP address (ENVELOPE.md §2.3)");
            envelope.putIfAbsent(key(c), c);
        }
        Set<String> now = new LinkedHashSet<>();
        String batchDomain = null;
        for (String r : ctx.deliverNow()) {
            String c = canonical(r, "a batch recipient cannot be made a canonical SEMP address (ENVELOPE.md §2.3)");
            if (!envelope.containsKey(key(c))) {
                throw new IllegalArgumentException("deliverNow holds a recipient that is not an envelope recipient");
            }
            String d = domain(c);
            if (batchDomain != null && !batchDomain.equals(d)) {
                throw new IllegalArgumentException("deliverNow spans more than one domain");
            }
            batchDomain = d;
            now.add(envelope.get(key(c)));
        }
        Set<String> shown = new LinkedHashSet<>();
        List<String> to = visible(top, "To", envelope, now, batchDomain, shown);
        List<String> cc = visible(top, "Cc", envelope, now, batchDomain, shown);
        List<String> bcc = now.stream().filter(r -> !shown.contains(r)).toList();
        Optional<String> replyTo = top.value("Reply-To").flatMap(BriefMapper::replyTo);
        Instant clock = ctx.now().truncatedTo(ChronoUnit.SECONDS);
        Instant sentAt = top.value("Date").flatMap(DateHeader::parse).filter(date -> !date.isAfter(clock)).orElse(clock);
        return new Brief(messageId, from, to, cc, bcc, replyTo, sentAt, Threading.threadId(top), Optional.empty(),
                Threading.inReplyTo(top), JsonObject.EMPTY);
    }

    /**
     * The first mailbox of the {@code Reply-To} value {@code value} that canonicalizes, in canonical
     * form. Reply-To is only a hint: one that cannot be a SEMP address ({@code help@[192.0.2.1]},
     * {@code a@mail_server.example}) is skipped, and with none left native clients reply to
     * {@code from}; the carried header keeps the field as written for gateway recipients.
     */
    private static Optional<String> replyTo(String value) {
        for (Mailbox m : AddressParser.parse(value)) {
            try {
                return Optional.of(SempAddress.canonicalize(m.address()).toString());
            } catch (InvalidAddressException e) {
                // not usable natively: try the next one
            }
        }
        return Optional.empty();
    }

    private static List<String> visible(HeaderSection top, String field, Map<String, String> envelope, Set<String> now,
                                        String batchDomain, Set<String> shown) {
        List<String> out = new ArrayList<>();
        for (HeaderField f : top.all(field)) {
            for (Mailbox m : AddressParser.parse(f.value())) {
                String r;
                try {
                    r = envelope.get(key(SempAddress.canonicalize(m.address()).toString()));
                } catch (InvalidAddressException e) {
                    continue;
                }
                if (r == null || shown.contains(r) || (domain(r).equals(batchDomain) && !now.contains(r))) {
                    continue;
                }
                shown.add(r);
                out.add(r);
            }
        }
        return out;
    }

    private static String key(String canonical) {
        int at = canonical.lastIndexOf('@');
        return canonical.substring(0, at).toLowerCase(Locale.ROOT) + canonical.substring(at);
    }

    private static String domain(String canonical) {
        return canonical.substring(canonical.lastIndexOf('@') + 1);
    }

    private static String canonical(String address, String why) throws ConversionException {
        try {
            return SempAddress.canonicalize(address).toString();
        } catch (InvalidAddressException e) {
            throw new ConversionException(ConversionError.INVALID_ADDRESS, why + ": " + e.getMessage());
        }
    }

    private static String strict(String address, String why) throws ConversionException {
        try {
            return SempAddress.parse(address).toString();
        } catch (InvalidAddressException e) {
            throw new ConversionException(ConversionError.INVALID_ADDRESS, why + ": " + e.getMessage());
        }
    }
}
