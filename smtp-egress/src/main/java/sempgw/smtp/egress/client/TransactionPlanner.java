package sempgw.smtp.egress.client;

import java.net.IDN;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

/**
 * Decides a transaction's commands from the envelope and what the server announced. Pure: no
 * I/O, except the content scan it may ask for through {@code traits} (only when the server
 * lacks 8BITMIME or SMTPUTF8). The content itself is never changed (no 8bit-to-7bit conversion):
 * a message that cannot go as it is fails with the RFC 3463 conversion code instead.
 *
 * <ol>
 *   <li>SIZE: a message over the server's declared limit fails, 552 5.3.4 (RFC 1870 §6.1).</li>
 *   <li>Addresses go as given to a next hop that offers SMTPUTF8; to one that does not, a non-ASCII
 *       domain goes as its A-label (RFC 5890 §2.3.2.1; CONFORMANCE.md §5.7), so only a non-ASCII
 *       local part needs the extension. The original spelling is kept where it can be, since the
 *       final mailbox host may know its users by it.</li>
 *   <li>SMTPUTF8: non-ASCII local parts need the extension; without it, a non-ASCII sender fails
 *       every recipient and a non-ASCII recipient fails itself, 553 5.6.7; a message with UTF-8
 *       headers fails, 554 5.6.9; an all-ASCII message goes without the parameter (RFC 6531 §3.4).</li>
 *   <li>BODY: 8-bit content needs 8BITMIME; without it, 554 5.6.3 (RFC 6152 §3).</li>
 *   <li>DSN: RET, ENVID, NOTIFY and ORCPT go on only when the server offers DSN (RFC 3461 §4, §5.2).</li>
 * </ol>
 */
public final class TransactionPlanner {

    private TransactionPlanner() {
    }

    public static TransactionPlan plan(Sender sender, List<Recipient> recipients, long size, Capabilities caps, Supplier<ContentTraits> traits) {
        Map<Integer, SmtpReply> refused = new HashMap<>();
        OptionalLong limit = caps.sizeLimit();
        if (limit.isPresent() && size > limit.getAsLong()) {
            return refuseAll(recipients, SmtpReply.of(552, "5.3.4 message size " + size
                    + " exceeds the limit " + limit.getAsLong() + " of the next hop"));
        }
        UnaryOperator<String> spelled = caps.smtpUtf8() ? UnaryOperator.identity() : TransactionPlanner::withALabelDomain;
        String reversePath = spelled.apply(sender.reversePath());
        List<String> addresses = recipients.stream().map(r -> spelled.apply(r.address())).toList();
        boolean asciiSender = XText.isAscii(reversePath);
        boolean utf8Envelope = !asciiSender || addresses.stream().anyMatch(a -> !XText.isAscii(a));
        boolean smtpUtf8 = caps.smtpUtf8() && (sender.smtpUtf8() || utf8Envelope);
        if (!caps.smtpUtf8()) {
            if (!asciiSender) {
                return refuseAll(recipients, SmtpReply.of(553, "5.6.7 the sender address needs SMTPUTF8, which the next hop does not offer"));
            }
            for (int i = 0; i < recipients.size(); i++) {
                if (!XText.isAscii(addresses.get(i))) {
                    refused.put(i, SmtpReply.of(553, "5.6.7 the recipient address needs SMTPUTF8, which the next hop does not offer"));
                }
            }
            if (sender.smtpUtf8() && refused.size() < recipients.size() && traits.get().eightBitHeaders()) {
                return refuseAll(recipients, SmtpReply.of(554, "5.6.9 the message has UTF-8 header fields and the next hop does not offer SMTPUTF8"));
            }
        }
        boolean eightBit = sender.body() == Sender.BodyType.EIGHT_BIT_MIME;
        if (eightBit && !caps.eightBitMime() && refused.size() < recipients.size() && traits.get().eightBit()) {
            return refuseAll(recipients, SmtpReply.of(554, "5.6.3 the message has 8-bit content and the next hop does not offer 8BITMIME"));
        }
        List<String> params = new ArrayList<>();
        if (caps.has("SIZE")) {
            params.add("SIZE=" + size);
        }
        if (eightBit && caps.eightBitMime()) {
            params.add("BODY=8BITMIME");
        }
        if (smtpUtf8) {
            params.add("SMTPUTF8");
        }
        if (caps.dsn()) {
            sender.ret().ifPresent(ret -> params.add("RET=" + ret.name()));
            sender.envId().ifPresent(envId -> params.add("ENVID=" + XText.encode(envId)));
        }
        String mail = "MAIL FROM:<" + reversePath + ">" + join(params);
        List<TransactionPlan.Rcpt> rcpts = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (!refused.containsKey(i)) {
                rcpts.add(new TransactionPlan.Rcpt(i, rcptCommand(addresses.get(i), recipients.get(i), caps.dsn(), smtpUtf8)));
            }
        }
        return new TransactionPlan(mail, rcpts, refused, smtpUtf8);
    }

    /**
     * {@code address} with its domain as an A-label (RFC 5890 §2.3.2.1), as SMTP envelope addresses
     * carry it (CONFORMANCE.md §5.7, CLIENT.md §6.4.2), so that only a non-ASCII local part needs
     * SMTPUTF8 (RFC 6531 §3.2). A domain that does not convert is left as it is.
     */
    static String withALabelDomain(String address) {
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1);
        if (at < 0 || XText.isAscii(domain)) {
            return address;
        }
        try {
            return address.substring(0, at + 1) + IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return address;
        }
    }

    static String rcptCommand(String address, Recipient recipient, boolean dsn, boolean smtpUtf8) {
        List<String> params = new ArrayList<>();
        if (dsn && !recipient.notifyOn().isEmpty()) {
            params.add("NOTIFY=" + recipient.notifyOn().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        }
        if (dsn) {
            recipient.orcpt().ifPresent(orcpt -> params.add("ORCPT=" + encodeOrcpt(orcpt, smtpUtf8)));
        }
        return "RCPT TO:<" + address + ">" + join(params);
    }

    /** RFC 3461 §4.2 with the RFC 6533 §3 {@code utf-8} address type for non-ASCII addresses. */
    static String encodeOrcpt(String orcpt, boolean smtpUtf8) {
        int semi = orcpt.indexOf(';');
        String type = semi < 0 ? "rfc822" : orcpt.substring(0, semi).strip();
        String address = semi < 0 ? orcpt : orcpt.substring(semi + 1);
        if (type.equalsIgnoreCase("utf-8") || !XText.isAscii(address)) {
            return "utf-8;" + (smtpUtf8 ? XText.utf8AddrUnitext(address) : XText.utf8AddrXtext(address));
        }
        return type + ";" + XText.encode(address);
    }

    private static TransactionPlan refuseAll(List<Recipient> recipients, SmtpReply reply) {
        Map<Integer, SmtpReply> refused = new HashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            refused.put(i, reply);
        }
        return new TransactionPlan("", List.of(), refused, false);
    }

    private static String join(List<String> params) {
        return params.isEmpty() ? "" : " " + String.join(" ", params);
    }
}
