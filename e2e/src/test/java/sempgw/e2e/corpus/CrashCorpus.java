package sempgw.e2e.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sempgw.e2e.smtp.Envelope;

/** Small plain messages for the crash test, each with a unique {@code X-Test-Id} and {@code Message-ID}. */
public final class CrashCorpus {

    private CrashCorpus() {
    }

    public static List<TestMessage> generate(long seed, int count) {
        List<TestMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TextSource text = new TextSource(seed * 7_919L + i);
            String id = String.format("crash-%04d", i);
            String sender = "load" + (i % 20) + "@sender.example";
            String recipient = "user" + i + "@example.net";
            MessageWriter w = new MessageWriter(8 * 1024);
            w.header("Message-ID", "<" + id + "." + Long.toHexString(seed) + "@e2e.sempgw.test>")
                    .header("X-Test-Id", id)
                    .header("Date", "Wed, 25 Nov 2026 12:00:00 +0000")
                    .header("From", "<" + sender + ">")
                    .header("To", "<" + recipient + ">")
                    .header("Subject", "crash test " + id + " " + text.words(3))
                    .header("MIME-Version", "1.0")
                    .header("Content-Type", "text/plain; charset=us-ascii")
                    .blank()
                    .text(text.paragraphs(text.between(2, 12)), StandardCharsets.US_ASCII);
            messages.add(new TestMessage(id, "crash", new Envelope(sender, List.of(recipient), false, false), w.toByteArray()));
        }
        return messages;
    }
}
