package sempgw.smtp.egress.dsn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import sempgw.smtp.egress.client.XText;

/** Formatting shared by the parts of a DSN: header-style fields, dates and address types. */
final class ReportFields {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int FOLD_AT = 76;

    private ReportFields() {
    }

    /** An RFC 5322 §3.3 date-time. */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /**
     * One field, {@code Name: value CRLF}, folded at spaces to keep lines short (RFC 5322 §2.2.3).
     * CR and LF in the value become spaces; without {@code utf8}, non-ASCII becomes {@code ?},
     * since message/delivery-status is ASCII (RFC 3464 §2.1.1), unlike its global form (RFC 6533 §6.1).
     */
    static String field(String name, String value, boolean utf8) {
        String clean = value.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (!utf8) {
            clean = clean.replaceAll("[^\\x20-\\x7e]", "?");
        }
        StringBuilder out = new StringBuilder(name).append(':');
        int lineLength = out.length();
        for (String word : clean.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineLength + 1 + word.length() > FOLD_AT && lineLength > name.length() + 1) {
                out.append("\r\n ");
                lineLength = 1;
            } else {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.append("\r\n").toString();
    }

    /**
     * An address with its type (RFC 3464 §2.3.2): {@code rfc822;} for ASCII, {@code utf-8;}
     * otherwise (RFC 6533 §3), as UTF-8 in a global report and as utf-8-addr-xtext in an ASCII one.
     */
    static String typedAddress(String address, boolean utf8Report) {
        if (XText.isAscii(address)) {
            return "rfc822; " + address;
        }
        return "utf-8; " + (utf8Report ? address : XText.utf8AddrXtext(address));
    }

    /** An ORCPT value as given ({@code type;address}) in a report (RFC 3464 §2.3.1, RFC 6533 §3). */
    static String originalRecipient(String orcpt, boolean utf8Report) {
        int semi = orcpt.indexOf(';');
        String type = semi < 0 ? "rfc822" : orcpt.substring(0, semi).strip();
        String address = semi < 0 ? orcpt : orcpt.substring(semi + 1).strip();
        if (type.equalsIgnoreCase("utf-8") || !XText.isAscii(address)) {
            return "utf-8; " + (utf8Report ? address : XText.utf8AddrXtext(address));
        }
        return type + "; " + address;
    }
}
