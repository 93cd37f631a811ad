package sempgw.app.keys;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import sempgw.core.crypto.SecretBytes;
import sempgw.store.PrivateFiles;

/**
 * A 256-bit key that encrypts private keys at rest: the domain keys' {@code semp.key_file}, and
 * the mailbox agent's key ({@code sempgw.app.mailbox}). A file of exactly 32 random octets,
 * created on first use mode 0600 and refused when group or others may access it, as the queue
 * key is. The bytes live in one {@link SecretBytes}, zeroed by {@link #close()};
 * {@link #toString()} never shows them.
 */
public final class AtRestKey implements AutoCloseable {
    static final int LENGTH = 32;
    private static final String WHAT = "SEMP key file";

    private final SecretBytes key;

    private AtRestKey(SecretBytes key) {
        this.key = key;
    }

    /** Reads the key file, creating it with a fresh random key if it does not exist. */
    static AtRestKey loadOrCreate(Path file) throws IOException {
        return loadOrCreate(file, WHAT);
    }

    /** As {@link #loadOrCreate(Path)}; {@code what} names the file in errors ("agent key file"). */
    public static AtRestKey loadOrCreate(Path file, String what) throws IOException {
        try {
            return load(file, what);
        } catch (NoSuchFileException absent) {
            byte[] raw = new byte[LENGTH];
            new SecureRandom().nextBytes(raw);
            try {
                PrivateFiles.createOnce(file, raw);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
            return load(file, what);
        }
    }

    /** Reads an existing key file; refuses one that group or others may access, or of the wrong length. */
    static AtRestKey load(Path file) throws IOException {
        return load(file, WHAT);
    }

    /**
     * As {@link #load(Path)}; {@code what} names the file in errors.
     *
     * @throws NoSuchFileException if the file does not exist
     */
    public static AtRestKey load(Path file, String what) throws IOException {
        byte[] raw = PrivateFiles.readPrivate(file, what);
        try {
            if (raw.length != LENGTH) {
                throw new IOException(what + " " + file + " is not a SEMP key file (expected " + LENGTH + " octets, found " + raw.length + ")");
            }
            return new AtRestKey(SecretBytes.copyOf(raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The key; valid until {@link #close()}. */
    public SecretBytes secret() {
        return key;
    }

    /** Zeroes the key. */
    @Override
    public void close() {
        key.destroy();
    }

    @Override
    public String toString() {
        return "AtRestKey[redacted]";
    }
}
