package sempgw.semp.egress.keys;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.envelope.open.IdentityKeys;
import sempgw.core.keys.IdentityPublicKey;
import sempgw.semp.egress.peers.HttpsDomainKeys;

/**
 * Senders' identity keys for the receiving side (ENVELOPE.md §6.5.3 step 2, §6.6.4 step 3): the
 * identity key a {@code sender_signature} names, fetched from the sender's domain through
 * {@link UserKeysClient}. Keys revoked as superseded or ceased still verify old signatures;
 * compromised ones never do ({@link UserKeyRecords}).
 *
 * <p>A key id not among the cached keys triggers one fresh fetch when the cached answer is older
 * than {@link HttpsDomainKeys#REFRESH_INTERVAL} (the sender rotated its key, KEY.md §7). A failed
 * lookup answers "unknown key", so the opener refuses the content as unverified; it is also kept
 * in {@link #failure()}, so the caller can answer a temporary failure instead of delivering
 * content marked unverified. Use one instance per envelope opened.
 *
 * <pre>{@code
 * PeerIdentityKeys senders = new PeerIdentityKeys(userKeys, clock);
 * try {
 *     OpenedEnvelope opened = new EnvelopeOpener(myKeys, senders, Set.of()).open(envelope);
 * } catch (OpenException e) {
 *     if (e.error() == OpenError.SENDER_KEY_UNKNOWN && senders.failure().isPresent()) { ... retry later ... }
 * }
 * }</pre>
 */
public final class PeerIdentityKeys implements IdentityKeys {
    private static final Logger LOG = LoggerFactory.getLogger(PeerIdentityKeys.class);

    private final UserKeysClient users;
    private final Clock clock;
    private final AtomicReference<KeyLookupException> failure = new AtomicReference<>();

    public PeerIdentityKeys(UserKeysClient users, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<IdentityPublicKey> find(String address, String keyId) {
        try {
            UserKeys keys = users.lookup(address);
            Optional<IdentityPublicKey> key = keys.identityKey(keyId);
            if (key.isEmpty() && !clock.instant().isBefore(keys.fetchedAt().plus(HttpsDomainKeys.REFRESH_INTERVAL))) {
                users.invalidate(address);
                key = users.lookup(address).identityKey(keyId);
            }
            return key;
        } catch (KeyLookupException e) {
            failure.compareAndSet(null, e);
            LOG.warn("sender identity keys: {} ({})", e.getMessage(), e.error());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first lookup that failed (not "no such key", which is an answer), if any. */
    public Optional<KeyLookupException> failure() {
        return Optional.ofNullable(failure.get());
    }
}
