package sempgw.e2e.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sempgw.e2e.corpus.MimeEntity;
import sempgw.e2e.smtp.SinkMessage;
import sempgw.e2e.smtp.SmtpSink;

/** Small single-purpose messages for the bridge scenarios, and finding them again at a sink by a token in the Subject. */
public final class Mails {

    private Mails() {
    }

    /**
     * A plain-text message; {@code token} goes into the Subject as {@code [token]}.
     *
     * @param extra more header fields, in order, before MIME-Version
     */
    public static byte[] plain(String messageId, String from, List<String> to, String subject, String token, Map<String, String> extra,
                               String body) {
        StringBuilder m = new StringBuilder();
        m.append("Message-ID: ").append(messageId).append("\r\n");
        m.append("Date: Thu, 26 Nov 2026 09:00:00 +0000\r\n");
        m.append("From: ").append(from).append("\r\n");
        m.append("To: ").append(String.join(", ", to)).append("\r\n");
        m.append("Subject: ").append(subject).append(" [").append(token).append("]\r\n");
        extra.forEach((k, v) -> m.append(k).append(": ").append(v).append("\r\n"));
        m.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        m.append(body.replace("\r\n", "\n").replace("\n", "\r\n"));
        if (!body.endsWith("\n")) {
            m.append("\r\n");
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The messages at {@code sink} whose Subject carries {@code [token]}. */
    public static List<SinkMessage> withToken(SmtpSink sink, String token) {
        List<SinkMessage> out = new ArrayList<>();
        for (SinkMessage m : sink.messages()) {
            String subject = MimeEntity.header(m.content()).stream().filter(f -> f.name().equalsIgnoreCase("Subject"))
                    .map(MimeEntity.Field::value).findFirst().orElse("");
            if (subject.contains("[" + token + "]")) {
                out.add(m);
            }
        }
        return out;
    }

    /** The messages at {@code sink} whose octets contain {@code text} anywhere (a DSN quotes the original's header). */
    public static List<SinkMessage> containing(SmtpSink sink, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return sink.messages().stream().filter(m -> indexOf(m.content(), needle) >= 0).toList();
    }

    /** Waits until {@code sink} holds at least {@code n} messages with {@code [token]}; returns them. */
    public static List<SinkMessage> await(SmtpSink sink, String token, int n, Duration timeout) throws InterruptedException {
        sink.await(all -> withToken(sink, token).size() >= n, timeout);
        return withToken(sink, token);
    }

    public static String text(SinkMessage m) {
        return new String(m.content(), StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
