package sempgw.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import sempgw.e2e.smtp.Envelope;

/**
 * One generated test message.
 *
 * @param testId the value of its {@code X-Test-Id} header, unique in a corpus
 * @param kind what the message exercises, for progress lines and failure messages
 * @param envelope how it is sent
 * @param content the message as submitted: header, blank line, body, ending with CRLF
 */
public record TestMessage(String testId, String kind, Envelope envelope, byte[] content) {
    public TestMessage {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(content, "content");
    }

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return testId + " (" + kind + ", " + content.length + " octets)";
    }

    /** Builds a message from its header lines and body text, both with CRLF line ends. */
    static byte[] assemble(String header, byte[] body) {
        byte[] h = (header + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}
