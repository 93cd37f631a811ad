package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing of a message, envelope or content, appears in plaintext anywhere under the queue directory. */
final class EncryptionAtRestTest {
    private static final String MARKER = "Zq7Marker";

    @TempDir
    Path dir;

    @Test
    void everyFieldAndTheContent_neverOnDiskInPlaintext() throws IOException {
        Sender sender = new Sender(MARKER + "-from@example.org", Optional.of(Sender.DsnRet.FULL),
                Optional.of(MARKER + "-envid"), Sender.BodyType.EIGHT_BIT_MIME, true);
        Origin origin = new Origin(InetAddress.getByName("198.51.100.7"), MARKER + ".helo.example", "ESMTPSA",
                Optional.of(MARKER + "-user"));
        Recipient recipient = new Recipient(MARKER + "-to@example.net", Set.of(Recipient.Notify.DELAY),
                Optional.of("rfc822;" + MARKER + "-orcpt@example.net"));
        byte[] line = ("Subject: " + MARKER + "\r\n").getBytes(StandardCharsets.UTF_8);
        try (FsQueue queue = FsQueue.open(dir, QueueFixtures.key(), QueueFixtures.fixedClock())) {
            QueueId id;
            try (Submission submission = queue.begin(sender, origin)) {
                submission.addRecipient(recipient);
                submission.addRecipient(Recipient.of("second@example.net"));
                try (OutputStream out = submission.content()) {
                    for (int i = 0; i < 20_000; i++) {
                        out.write(line);
                    }
                }
                id = submission.commit();
            }
            queue.update(id, 0, RecipientState.DEFERRED, QueueFixtures.T0, Optional.of("451 " + MARKER + " busy"), false);
            queue.update(id, 1, RecipientState.HELD, QueueFixtures.T0, Optional.of("held: " + MARKER), false);
            assertThat(QueueFixtures.readContent(queue, id)).hasSize(20_000 * line.length);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("keycheck", "queue.lock")
                .noneMatch(name -> name.contains(MARKER));
        for (Path file : files) {
            assertThat(contains(Files.readAllBytes(file), MARKER.getBytes(StandardCharsets.UTF_8)))
                    .as("plaintext marker in %s", file).isFalse();
            assertThat(contains(Files.readAllBytes(file), MARKER.getBytes(StandardCharsets.UTF_16BE)))
                    .as("UTF-16 marker in %s", file).isFalse();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
