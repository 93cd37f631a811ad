package sempgw.semp.ingress.documents;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sempgw.core.crypto.Digests;

/**
 * Keeps the configuration {@code revision} monotonic across restarts (DISCOVERY.md §3.5.1: rise on
 * any byte-level change, never decrease, never reuse). A small file in the data directory holds
 * the last published revision and the SHA-256 of the content it was published for:
 *
 * <pre>revision 17
 * sha256 3f2a...</pre>
 *
 * On start: same content, same revision; other content, revision + 1, written before the
 * document is served. The file is replaced atomically (write temporary, fsync, rename, fsync the
 * directory), so a crash leaves either the old or the new state. An unreadable file stops the
 * start with an {@link IOException} rather than restarting at 1, which could reuse a revision.
 */
public final class ConfigurationRevision {
    static final String FILE_NAME = "configuration-revision";
    private static final Pattern FORMAT = Pattern.compile("revision ([1-9][0-9]{0,17})\nsha256 ([0-9a-f]{64})\n");

    private ConfigurationRevision() {
    }

    /**
     * The revision to publish {@code content} under, persisted before it returns.
     *
     * @param dataDirectory an existing directory owned by the gateway
     * @param content the document's bytes without the revision ({@link ConfigurationDocument#content})
     * @throws IOException when the state file cannot be read, parsed or written
     */
    public static long resolve(Path dataDirectory, byte[] content) throws IOException {
        String hash = HexFormat.of().formatHex(Digests.sha256(content));
        Path file = dataDirectory.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            write(dataDirectory, file, 1, hash);
            return 1;
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IOException(file + " is not a revision file; refusing to guess a revision (DISCOVERY.md §3.5.1)");
        }
        long last = Long.parseLong(m.group(1));
        if (m.group(2).equals(hash)) {
            return last;
        }
        write(dataDirectory, file, last + 1, hash);
        return last + 1;
    }

    private static void write(Path dir, Path file, long revision, String hash) throws IOException {
        byte[] bytes = ("revision " + revision + "\nsha256 " + hash + "\n").getBytes(StandardCharsets.US_ASCII);
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
