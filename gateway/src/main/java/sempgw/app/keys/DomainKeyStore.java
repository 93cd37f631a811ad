package sempgw.app.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.config.SempConfig;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.store.PrivateFiles;

/**
 * Where the domain keys live: {@code semp.domain_keys_file}, sealed ({@link SealedBox}) under
 * {@code semp.key_file} ({@link AtRestKey}). Both are created on first start with
 * {@code [semp] enabled = true} (or by {@code dns-records}) and loaded afterwards. Keys made for
 * one domain are never used for another: a changed {@code semp.domain} is refused with the
 * way out. Rotation is not done here; the file format is versioned for it.
 */
public final class DomainKeyStore {
    private static final Logger LOG = LoggerFactory.getLogger(DomainKeyStore.class);

    private final Path keyFile;
    private final Path storeFile;

    public DomainKeyStore(Path keyFile, Path storeFile) {
        this.keyFile = keyFile;
        this.storeFile = storeFile;
    }

    /** The store at {@code semp.key_file} and {@code semp.domain_keys_file}. */
    public static DomainKeyStore of(SempConfig config) {
        return new DomainKeyStore(config.keyFile(), config.domainKeysFile());
    }

    /**
     * The keys of {@code domain}, generated and stored first if the store file does not exist.
     *
     * @throws IOException with the reason if a file is unreadable, too open, altered, or holds another domain's keys
     */
    public DomainKeys loadOrCreate(String domain, Clock clock) throws IOException {
        if (!Files.exists(storeFile)) {
            try (AtRestKey key = AtRestKey.loadOrCreate(keyFile)) {
                create(domain, clock, key);
            }
        }
        DomainKeys keys = load();
        if (!keys.domain().equals(domain)) {
            keys.close();
            throw new IOException(storeFile + " holds the keys of " + keys.domain() + ", not of semp.domain = " + domain
                    + "; point semp.domain_keys_file elsewhere to create keys for " + domain);
        }
        return keys;
    }

    /** Reads and decrypts the existing store. */
    public DomainKeys load() throws IOException {
        byte[] sealed = Files.readAllBytes(storeFile);
        AtRestKey key;
        try {
            key = AtRestKey.load(keyFile);
        } catch (NoSuchFileException e) {
            throw new IOException("SEMP key file " + keyFile + " is missing; without it the domain keys in " + storeFile
                    + " cannot be read. Restore it from backup.", e);
        }
        try (key) {
            byte[] plain = SealedBox.open(sealed, key.secret(), "domain key file " + storeFile);
            try {
                return DomainKeysCodec.decode(plain, "domain key file " + storeFile);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private void create(String domain, Clock clock, AtRestKey key) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<SuiteId, DomainEncryptionPrivateKey> encryption = new EnumMap<>(SuiteId.class);
        for (SuiteId suite : SuiteId.values()) {
            encryption.put(suite, DomainEncryptionPrivateKey.generate(suite, RandomSource.secure()));
        }
        try (DomainKeys fresh = new DomainKeys(domain, now, DomainSigningPrivateKey.generate(RandomSource.secure()), encryption)) {
            byte[] plain = DomainKeysCodec.encode(fresh);
            try {
                if (PrivateFiles.createOnce(storeFile, SealedBox.seal(plain, key.secret(), new SecureRandom()))) {
                    LOG.info("created domain keys for {} in {}: {}", domain, storeFile, fresh);
                }
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }
}
