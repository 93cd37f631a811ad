package sempgw.smtp.ingress.protocol;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The trace header the ingress puts at the top of every message (RFC 5321 §4.4, syntax of
 * {@code Stamp}), for example:
 * <pre>
 * Received: from client.example ([192.0.2.1])
 *         by gw.example.org (sempgw) with ESMTPS id 3FZK7Q1M2XH0A
 *         for &lt;bob@example.org&gt;; Tue, 1 Jul 2025 10:00:00 +0000
 * </pre>
 * The {@code id} is the transaction's trace id: the queue id exists only once the message is
 * committed, so the accept log line carries both and joins them. No reverse DNS lookup is made
 * (the client is named by its address literal), and {@code for} appears only with a single
 * recipient, so the header never lists a message's other recipients.
 */
public final class ReceivedHeader {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final int MAX_HELO = 255;

    private ReceivedHeader() {
    }

    /**
     * @param protocol the RFC 3848 / RFC 6531 §3.7.3 {@code with} keyword (ESMTPSA, UTF8SMTPS, ...)
     * @param singleRecipient the recipient when there is exactly one
     */
    public static byte[] format(String helo, InetAddress client, String hostname, String protocol, String traceId,
            Optional<String> singleRecipient, ZonedDateTime now) {
        StringBuilder h = new StringBuilder(256);
        h.append("Received: from ").append(clean(helo)).append(" (").append(literal(client)).append(")\r\n");
        h.append("\tby ").append(hostname).append(" (sempgw) with ").append(protocol).append(" id ").append(traceId);
        singleRecipient.ifPresent(r -> h.append("\r\n\tfor <").append(clean(r)).append('>'));
        h.append("; ").append(DATE.format(now)).append("\r\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 5321 §4.1.3 address literal. */
    static String literal(InetAddress address) {
        String ip = address.getHostAddress();
        int zone = ip.indexOf('%');
        ip = zone < 0 ? ip : ip.substring(0, zone);
        return address instanceof Inet6Address ? "[IPv6:" + ip + "]" : "[" + ip + "]";
    }

    /** Client-supplied text goes into a header: keep it to one printable line of bounded length. */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_HELO));
        for (int i = 0, kept = 0; i < s.length() && kept < MAX_HELO; kept++) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.isEmpty() ? "unknown" : out.toString();
    }
}
