package sempgw.app.mailbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.semp.ingress.documents.FileDirectoryJournal;
import sempgw.semp.ingress.documents.InMemoryUserKeyDirectory;
import sempgw.semp.ingress.documents.PublishedKey;

/**
 * A mailbox store over a temporary data directory, opened as the gateway opens it: lock, then
 * the durable user key journal (replayed into a directory signed by a test domain key), then
 * the store. {@link #reopen()} is a restart.
 */
final class StoreFixture implements AutoCloseable {
    static final String DOMAIN = "example.org";
    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    final Path dataDir;
    final TestClock clock = new TestClock(START);
    final DomainSigningPrivateKey signer = DomainSigningPrivateKey.generate(RandomSource.secure());
    MailboxLock lock;
    FileDirectoryJournal journal;
    InMemoryUserKeyDirectory directory;
    MailboxStore store;

    StoreFixture(Path dataDir) {
        this.dataDir = dataDir;
    }

    MailboxStore open() throws IOException {
        lock = MailboxLock.acquire(dataDir);
        try {
            journal = FileDirectoryJournal.open(journalFile());
            directory = new InMemoryUserKeyDirectory(DOMAIN, signer, journal);
            journal.history().forEach(directory::replay);
            store = MailboxStore.open(lock, directory, DOMAIN, MailboxPolicy.DEFAULTS, clock, RandomSource.secure());
            return store;
        } catch (IOException | RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            lock.close();
            throw e;
        }
    }

    MailboxStore reopen() throws IOException {
        close();
        return open();
    }

    Path journalFile() {
        return dataDir.resolve("user-keys.journal");
    }

    MailboxAdmin admin() {
        return new MailboxAdmin(store, clock);
    }

    /** What the key documents publish for {@code address}. */
    List<PublishedKey> published(String address) {
        return directory.keys(address(address));
    }

    static SempAddress address(String text) {
        try {
            return SempAddress.parse(text);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (store != null) {
            store.close();
            journal.close();
            lock.close();
            store = null;
        }
    }
}
