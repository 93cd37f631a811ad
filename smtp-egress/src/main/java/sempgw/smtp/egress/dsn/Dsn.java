package sempgw.smtp.egress.dsn;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

/**
 * A composed delivery status notification, ready to be queued through Cleanup like any other
 * message: from the null sender {@code <>} (RFC 3464 §2, RFC 5321 §4.5.5), to the original sender.
 *
 * @param content the whole message, CRLF line ends
 */
public record Dsn(Sender sender, Recipient recipient, byte[] content) {

    public Dsn {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        if (!sender.isNull()) {
            throw new IllegalArgumentException("a DSN is sent from the null sender (RFC 5321 §4.5.5)");
        }
    }

    public InputStream open() {
        return new ByteArrayInputStream(content);
    }
}
