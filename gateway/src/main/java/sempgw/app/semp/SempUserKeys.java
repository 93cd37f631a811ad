package sempgw.app.semp;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.keys.DomainKeys;
import sempgw.semp.ingress.documents.FileDirectoryJournal;
import sempgw.semp.ingress.documents.InMemoryUserKeyDirectory;

/**
 * The user key directory the key documents publish (KEY.md §3, §4.4): in memory, every change
 * written ahead to {@code <data_dir>/semp/user-keys.journal} and forced to disk, replayed on
 * start. Records are signed by our domain signing key as they are published (KEY.md §5.1). The
 * journal holds public keys and signatures only.
 */
public final class SempUserKeys implements AutoCloseable {
    static final String JOURNAL = "user-keys.journal";
    private static final Logger LOG = LoggerFactory.getLogger(SempUserKeys.class);

    private final FileDirectoryJournal journal;
    private final InMemoryUserKeyDirectory directory;

    private SempUserKeys(FileDirectoryJournal journal, InMemoryUserKeyDirectory directory) {
        this.journal = journal;
        this.directory = directory;
    }

    /**
     * @param stateDir the SEMP state directory (created by the caller)
     * @throws IOException if the journal cannot be read, or holds an unreadable change
     */
    public static SempUserKeys open(Path stateDir, DomainKeys keys) throws IOException {
        FileDirectoryJournal journal = FileDirectoryJournal.open(stateDir.resolve(JOURNAL));
        InMemoryUserKeyDirectory directory = new InMemoryUserKeyDirectory(keys.domain(), keys.signing(), journal);
        journal.history().forEach(directory::replay);
        LOG.info("semp: user key directory of {} replayed, {} change(s)", keys.domain(), journal.history().size());
        return new SempUserKeys(journal, directory);
    }

    public InMemoryUserKeyDirectory directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
