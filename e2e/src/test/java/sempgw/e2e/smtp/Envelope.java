package sempgw.e2e.smtp;

import java.util.List;
import java.util.Objects;

/**
 * The SMTP envelope of a test message.
 *
 * @param sender the reverse-path without angle brackets
 * @param recipients forward-paths without angle brackets
 * @param eightBit send {@code BODY=8BITMIME} (RFC 6152)
 * @param smtpUtf8 send {@code SMTPUTF8} (RFC 6531): UTF-8 in addresses or headers
 */
public record Envelope(String sender, List<String> recipients, boolean eightBit, boolean smtpUtf8) {
    public Envelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipients");
        }
    }
}
