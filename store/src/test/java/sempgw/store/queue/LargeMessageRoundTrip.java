package sempgw.store.queue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Child process of {@link LargeMessageTest}, started with a small heap: streams a message of
 * {@code MiB} mebibytes into a queue, reopens the queue and streams it back, comparing SHA-256
 * digests. Prints {@code OK <size> <digest>} and exits 0 on success.
 */
public final class LargeMessageRoundTrip {
    private LargeMessageRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long size = Long.parseLong(args[1]) * 1024 * 1024;
        MessageDigest written = sha256();
        QueueId id;
        try (FsQueue queue = FsQueue.open(dir, QueueFixtures.key(), Clock.systemUTC());
                Submission submission = queue.begin(Sender.of("big@example.org"), QueueFixtures.origin())) {
            submission.addRecipient(Recipient.of("rcpt@example.net"));
            try (OutputStream out = submission.content()) {
                byte[] chunk = new byte[8192];
                for (long sent = 0; sent < size; sent += chunk.length) {
                    fill(chunk, sent);
                    written.update(chunk);
                    out.write(chunk);
                }
            }
            id = submission.commit();
        }
        MessageDigest read = sha256();
        long readBytes = 0;
        try (FsQueue queue = FsQueue.open(dir, QueueFixtures.key(), Clock.systemUTC());
                InputStream in = queue.openContent(id)) {
            if (queue.find(id).orElseThrow().size() != size) {
                throw new IllegalStateException("size not recorded");
            }
            byte[] buffer = new byte[16384];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.update(buffer, 0, n);
                readBytes += n;
            }
        }
        byte[] expected = written.digest();
        if (readBytes != size || !MessageDigest.isEqual(expected, read.digest())) {
            System.out.println("MISMATCH " + readBytes);
            System.exit(1);
        }
        System.out.println("OK " + readBytes + " " + HexFormat.of().formatHex(expected));
    }

    private static void fill(byte[] chunk, long offset) {
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ((offset + i) * 2654435761L >>> 24);
        }
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

}
