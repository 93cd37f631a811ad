package sempgw.e2e.smtp;

import java.time.Instant;
import java.util.List;

/**
 * One message as the sink received it.
 *
 * @param sender the MAIL FROM reverse-path, without angle brackets
 * @param mailParameters the MAIL FROM parameters as sent, upper-cased keywords (BODY=8BITMIME, SMTPUTF8, ...)
 * @param recipients the RCPT TO forward-paths, without angle brackets
 * @param content the message exactly as transferred, dot-stuffing removed
 */
public record SinkMessage(String sender, List<String> mailParameters, List<String> recipients, byte[] content, Instant receivedAt) {
    public SinkMessage {
        mailParameters = List.copyOf(mailParameters);
        recipients = List.copyOf(recipients);
    }

    public boolean hasParameter(String keywordOrPair) {
        return mailParameters.stream().anyMatch(p -> p.equalsIgnoreCase(keywordOrPair));
    }
}
