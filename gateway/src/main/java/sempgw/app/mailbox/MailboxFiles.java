package sempgw.app.mailbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import sempgw.app.keys.AtRestKey;
import sempgw.store.PrivateFiles;
import sempgw.app.keys.SealedBox;
import sempgw.core.crypto.Digests;
import sempgw.core.envelope.SempAddress;

/**
 * The mailbox files: one per mailbox, {@code <hex SHA-256 of the address>.mailbox} (no address in
 * a file name), holding {@link MailboxCodec}'s plaintext sealed under the agent key
 * ({@link SealedBox}, format {@code SEMPGW-MB}, HKDF info {@code "sempgw mailbox keys v1"}).
 * Written to a temporary file, fsync'd and renamed into place; read back only if mode 0600 and
 * authentic, and only under the name of the address inside (a moved or swapped file is refused).
 * The agent key is read per operation and zeroed after it; it is created, mode 0600, only while
 * no mailbox file exists, so a lost key is never silently replaced.
 */
final class MailboxFiles {
    static final SealedBox.Format FORMAT = new SealedBox.Format("SEMPGW-MB", "sempgw mailbox keys v1", "mailbox key file", "agent key file");
    static final String SUFFIX = ".mailbox";
    private static final String AGENT_KEY = "agent key file";

    private final Path dir;
    private final Path agentKey;
    private final SecureRandom random = new SecureRandom();

    MailboxFiles(Path dir, Path agentKey) {
        this.dir = dir;
        this.agentKey = agentKey;
    }

    /** Every mailbox on disk, temporary files of interrupted writes removed first. */
    List<Mailbox> readAll() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.delete(p);
                } else if (name.endsWith(SUFFIX)) {
                    files.add(p);
                }
            }
        }
        if (files.isEmpty()) {
            AtRestKey.loadOrCreate(agentKey, AGENT_KEY).close();
            return List.of();
        }
        List<Mailbox> out = new ArrayList<>();
        try (AtRestKey key = agentKey()) {
            for (Path f : files.stream().sorted().toList()) {
                out.add(read(f, key));
            }
        } catch (IOException | RuntimeException e) {
            out.forEach(Mailbox::destroy);
            throw e;
        }
        return out;
    }

    /** Writes {@code m} durably, replacing its previous file. */
    void write(Mailbox m) throws IOException {
        byte[] plain = MailboxCodec.encode(m);
        try (AtRestKey key = agentKey()) {
            PrivateFiles.replace(dir.resolve(fileName(m.address())), SealedBox.seal(FORMAT, plain, key.secret(), random));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Deletes the file of {@code address}, durably. */
    void delete(SempAddress address) throws IOException {
        PrivateFiles.delete(dir.resolve(fileName(address)));
    }

    static String fileName(SempAddress address) {
        return HexFormat.of().formatHex(Digests.sha256(address.toString().getBytes(StandardCharsets.UTF_8))) + SUFFIX;
    }

    private Mailbox read(Path file, AtRestKey key) throws IOException {
        String what = "mailbox key file " + file;
        byte[] plain = SealedBox.open(FORMAT, PrivateFiles.readPrivate(file, "mailbox key file"), key.secret(), what);
        try {
            Mailbox m = MailboxCodec.decode(plain, what);
            if (!file.getFileName().toString().equals(fileName(m.address()))) {
                m.destroy();
                throw new IOException(what + " holds the keys of another mailbox (moved or swapped?); refusing it");
            }
            return m;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private AtRestKey agentKey() throws IOException {
        try {
            return AtRestKey.load(agentKey, AGENT_KEY);
        } catch (NoSuchFileException e) {
            throw new IOException("agent key file " + agentKey + " is missing; without it the mailbox keys in " + dir
                    + " cannot be read or written. Restore it from backup.", e);
        }
    }
}
