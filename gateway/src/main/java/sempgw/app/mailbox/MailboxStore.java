package sempgw.app.mailbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.ingress.documents.InMemoryUserKeyDirectory;

/**
 * The mailbox agent's key store (GATEWAY.md §2): every provisioned mailbox in memory, each in
 * its own file under {@code <data_dir>/mailboxes} sealed under the agent key
 * ({@link MailboxFiles}), its public keys published through the user key directory
 * ({@link DirectorySync}). Every change is written (fsync'd) before it is published and before it
 * is visible to readers; a removal is first written as a tombstone, so a crash at any point is
 * repaired by {@link #open} re-applying every file to the directory.
 *
 * <p>Reads ({@link MailboxKeys}) are lock-free map reads; changes are serialized. Needs the
 * {@link MailboxLock}, which its caller releases after closing the store and the user key
 * journal; {@link #close()} destroys every private key.
 */
public final class MailboxStore implements MailboxKeys, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxStore.class);
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private final MailboxFiles files;
    private final InMemoryUserKeyDirectory directory;
    private final String domain;
    private final MailboxPolicy policy;
    private final Clock clock;
    private final RandomSource random;
    private final Map<String, Mailbox> live = new ConcurrentHashMap<>();

    private MailboxStore(MailboxLock lock, InMemoryUserKeyDirectory directory, String domain, MailboxPolicy policy, Clock clock,
            RandomSource random) {
        this.files = new MailboxFiles(lock.dir(), lock.agentKeyFile());
        this.directory = directory;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Reads every mailbox, re-applies each to {@code directory} and finishes interrupted removals.
     * On failure no key stays in memory.
     *
     * @param domain our SEMP domain ({@code semp.domain}): mailboxes are provisioned at it only
     * @throws IOException if a file is unreadable, too open or not authentic, or the agent key is wrong or missing
     */
    public static MailboxStore open(MailboxLock lock, InMemoryUserKeyDirectory directory, String domain, Clock clock) throws IOException {
        return open(lock, directory, domain, MailboxPolicy.DEFAULTS, clock, RandomSource.secure());
    }

    static MailboxStore open(MailboxLock lock, InMemoryUserKeyDirectory directory, String domain, MailboxPolicy policy, Clock clock,
            RandomSource random) throws IOException {
        MailboxStore store = new MailboxStore(lock, directory, domain, policy, clock, random);
        try {
            List<Mailbox> stored = store.files.readAll();
            stored.stream().filter(m -> !m.removing()).forEach(m -> store.live.put(m.address().toString(), m));
            for (Mailbox m : stored) {
                store.settle(m);
            }
            store.warnOfExpiry();
            LOG.info("mailbox agent: {} mailbox(es) in {}", store.live.size(), lock.dir());
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Our SEMP domain: the domain every mailbox is at. */
    public String domain() {
        return domain;
    }

    @Override
    public Optional<MailboxIdentity> identity(String address) {
        return find(address).flatMap(m -> m.identity().map(key -> MailboxIdentity.of(m.address(), key)));
    }

    @Override
    public List<UserEncryptionPrivateKey> decryptionKeys(String address) {
        return find(address).map(m -> m.decryptionKeys(clock.instant())).orElse(List.of());
    }

    @Override
    public boolean provisioned(String address) {
        return find(address).isPresent();
    }

    @Override
    public boolean advertises(String address) {
        return find(address).map(Mailbox::advertise).orElse(false);
    }

    /** The mailbox of {@code address}, if provisioned. */
    public Optional<Mailbox> find(String address) {
        return MailboxAddresses.lookupKey(address).map(live::get);
    }

    /** Every provisioned mailbox, by address. */
    public List<Mailbox> list() {
        return live.values().stream().sorted(Comparator.comparing(m -> m.address().toString())).toList();
    }

    /** Provisions {@code address} with fresh keys (KEY.md §1) and publishes them. */
    public synchronized Mailbox add(SempAddress address) throws MailboxRefused, IOException {
        if (!address.domain().equals(domain)) {
            throw new MailboxRefused(address + " is not at " + domain + " (semp.domain)");
        }
        if (live.containsKey(address.toString())) {
            throw new MailboxRefused(address + " is already provisioned");
        }
        return publish(commit(null, Mailbox.fresh(address, policy, clock.instant(), random)));
    }

    /** Rotates the keys of {@code address} (KEY.md §7.2; see {@link Mailbox#rotated}). */
    public synchronized Mailbox rotate(SempAddress address) throws MailboxRefused, IOException {
        Mailbox m = existing(address);
        return publish(commit(m, m.rotated(policy, clock.instant(), random)));
    }

    /** Sets the upgrade-signal flag of {@code address} (CLIENT.md §6.4.3). */
    public synchronized Mailbox advertise(SempAddress address, boolean on) throws MailboxRefused, IOException {
        Mailbox m = existing(address);
        return m.advertise() == on ? m : commit(m, m.withAdvertise(on));
    }

    /**
     * Removes {@code address}: written as a tombstone, unprovisioned, every key revoked in the
     * directory (where the revocations stay forever, KEY.md §8.4), private keys destroyed, file deleted.
     */
    public synchronized Mailbox remove(SempAddress address) throws MailboxRefused, IOException {
        Mailbox m = existing(address);
        return publish(commit(m, m.removed(clock.instant())));
    }

    /**
     * Ends the decryption window of retired keys that have passed it (their private keys are
     * destroyed) and re-applies every mailbox to the directory. Runs at {@link #open}; call it
     * daily in a long-running gateway.
     *
     * @return the number of mailboxes changed
     */
    public synchronized int sweep() throws IOException {
        int changed = 0;
        for (Mailbox m : new ArrayList<>(live.values())) {
            Mailbox next = m.swept(clock.instant());
            if (next != m) {
                commit(m, next);
                changed++;
            }
            settle(next);
        }
        return changed;
    }

    /** Destroys every private key; the store holds no mailbox afterwards. */
    @Override
    public synchronized void close() {
        live.values().forEach(Mailbox::destroy);
        live.clear();
    }

    private Mailbox existing(SempAddress address) throws MailboxRefused {
        Mailbox m = live.get(address.toString());
        if (m == null) {
            throw new MailboxRefused(address + " is not provisioned");
        }
        return m;
    }

    /** Writes {@code next}, makes it visible, destroys what {@code before} held and {@code next} does not. */
    private Mailbox commit(Mailbox before, Mailbox next) throws IOException {
        files.write(next);
        if (next.removing()) {
            live.remove(next.address().toString());
        } else {
            live.put(next.address().toString(), next);
        }
        if (before != null) {
            before.destroyKeysNotIn(next);
        }
        return next;
    }

    /** {@link #settle} after an operator's change: a failure says that the change itself is stored. */
    private Mailbox publish(Mailbox m) throws IOException {
        try {
            return settle(m);
        } catch (IOException e) {
            throw new IOException("the change is stored, but the user key directory could not be updated (" + e.getMessage()
                    + "); it is brought up to date at the next start", e);
        }
    }

    /** Applies {@code m} to the directory; keeps what the directory revoked (DirectorySync step 4); deletes a tombstone's file. */
    private Mailbox settle(Mailbox m) throws IOException {
        Mailbox synced = DirectorySync.apply(m, directory, clock.instant());
        if (m.removing()) {
            files.delete(m.address());
            return m;
        }
        return synced == m ? m : commit(m, synced);
    }

    private void warnOfExpiry() {
        long soon = live.values().stream().filter(m -> m.keys().stream()
                .anyMatch(k -> k.isCurrent() && k.expires().isBefore(clock.instant().plus(EXPIRY_WARNING)))).count();
        if (soon > 0) {
            LOG.warn("mailbox agent: {} mailbox(es) have keys expiring within {} days; see semp-gateway mailbox list, then mailbox rotate",
                    soon, EXPIRY_WARNING.toDays());
        }
    }
}
