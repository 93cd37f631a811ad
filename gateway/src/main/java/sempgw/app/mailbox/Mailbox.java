package sempgw.app.mailbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.RevocationReason;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * One provisioned mailbox as the store holds it: its address, upgrade-signal flag, every key it
 * ever had ({@link MailboxKey}, public side) and the private keys of those still current or
 * retired. Changes are pure functions returning a new value ({@link #rotated}, {@link #removed},
 * {@link #swept}...); private keys carried over are shared, the others are destroyed by the store
 * ({@link #destroyKeysNotIn}) once the new value is durable. {@link #toString()} shows no keys.
 *
 * @param address the canonical address, local part in lower case
 * @param advertise whether its SMTP mail carries the upgrade-signal headers (CLIENT.md §6.4.3)
 * @param removing a tombstone: removed, its revocations possibly not yet published
 * @param keys every key, in the order generated
 * @param identity the private key of the current identity key
 * @param decryption the private keys of the current and retired encryption keys, by key id
 */
public record Mailbox(SempAddress address, boolean advertise, boolean removing, List<MailboxKey> keys,
        Optional<IdentityPrivateKey> identity, Map<String, UserEncryptionPrivateKey> decryption) {

    public Mailbox {
        Objects.requireNonNull(address, "address");
        keys = List.copyOf(keys);
        Objects.requireNonNull(identity, "identity");
        decryption = Map.copyOf(decryption);
        Set<String> needed = new HashSet<>();
        Set<String> held = new HashSet<>(decryption.keySet());
        identity.ifPresent(k -> held.add(k.keyId().hex()));
        for (MailboxKey k : keys) {
            if (k.state().hasPrivateKey() && !needed.add(k.keyId())) {
                throw new IllegalArgumentException("key " + k.keyId() + " listed twice");
            }
        }
        if (!needed.equals(held) || removing && !held.isEmpty()) {
            throw new IllegalArgumentException("private keys do not match the current and retired keys of " + address);
        }
        decryption.forEach((id, k) -> {
            if (!k.keyId().hex().equals(id)) {
                throw new IllegalArgumentException("decryption key filed under another key id");
            }
        });
        if (keys.stream().filter(k -> k.isCurrent() && k.type() == KeyType.IDENTITY).count() != (identity.isPresent() ? 1 : 0)) {
            throw new IllegalArgumentException("a mailbox has one current identity key, and its private key");
        }
    }

    /** A new mailbox with a fresh identity key and one fresh encryption key per suite, all current. */
    public static Mailbox fresh(SempAddress address, MailboxPolicy policy, Instant now, RandomSource random) {
        FreshKeys fresh = FreshKeys.generate(policy, now.truncatedTo(ChronoUnit.SECONDS), random);
        return new Mailbox(address, true, false, fresh.keys(), Optional.of(fresh.identity()), fresh.decryption());
    }

    /**
     * Rotated (KEY.md §7.2): fresh keys become current; the current identity key is revoked as
     * {@code superseded} by the new one (it only signs, so nothing needs it any more); each
     * current encryption key is retired, superseded by the new key of its suite, and kept for
     * decryption for {@link MailboxPolicy#decryptWindow()}.
     */
    public Mailbox rotated(MailboxPolicy policy, Instant now, RandomSource random) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        FreshKeys fresh = FreshKeys.generate(policy, at, random);
        List<MailboxKey> next = new ArrayList<>();
        Map<String, UserEncryptionPrivateKey> kept = new HashMap<>();
        for (MailboxKey k : keys) {
            if (k.isCurrent() && k.type() == KeyType.IDENTITY) {
                next.add(k.with(new KeyState.Revoked(at, RevocationReason.SUPERSEDED, Optional.of(fresh.identity().keyId().hex()))));
            } else if (k.isCurrent()) {
                next.add(k.with(new KeyState.Retired(at, at.plus(policy.decryptWindow()), fresh.replacementFor(k.suite().orElseThrow()))));
            } else {
                next.add(k);
            }
            if (next.getLast().state().hasPrivateKey()) {
                kept.put(k.keyId(), decryption.get(k.keyId()));
            }
        }
        next.addAll(fresh.keys());
        kept.putAll(fresh.decryption());
        return new Mailbox(address, advertise, false, next, Optional.of(fresh.identity()), kept);
    }

    /** Removed: every key revoked ({@code cessation_of_operation} unless already superseded), no private key left. */
    public Mailbox removed(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        List<MailboxKey> next = keys.stream().map(k -> switch (k.state()) {
            case KeyState.Current c -> k.with(new KeyState.Revoked(at, RevocationReason.CESSATION_OF_OPERATION, Optional.empty()));
            case KeyState.Retired r -> k.with(superseded(r));
            case KeyState.Revoked r -> k;
        }).toList();
        return new Mailbox(address, advertise, true, next, Optional.empty(), Map.of());
    }

    /** With the upgrade-signal flag set to {@code on}. */
    public Mailbox withAdvertise(boolean on) {
        return new Mailbox(address, on, removing, keys, identity, decryption);
    }

    /** Retired keys whose window has closed become revoked, private keys dropped; {@code this} if there are none. */
    public Mailbox swept(Instant now) {
        if (keys.stream().noneMatch(k -> k.state() instanceof KeyState.Retired r && !now.isBefore(r.decryptUntil()))) {
            return this;
        }
        List<MailboxKey> next = keys.stream()
                .map(k -> k.state() instanceof KeyState.Retired r && !now.isBefore(r.decryptUntil()) ? k.with(superseded(r)) : k).toList();
        return withKeys(next);
    }

    /** The key {@code keyId} revoked (the directory revoked it: its revocations are never lifted, KEY.md §8.4). */
    public Mailbox revoked(String keyId, RevocationReason reason, Instant at) {
        return withKeys(keys.stream()
                .map(k -> k.keyId().equals(keyId) && k.state().hasPrivateKey() ? k.with(new KeyState.Revoked(at, reason, Optional.empty())) : k)
                .toList());
    }

    /** The current encryption keys, then the retired ones whose window is still open at {@code now}, newest first. */
    public List<UserEncryptionPrivateKey> decryptionKeys(Instant now) {
        return keys.reversed().stream()
                .filter(k -> k.isCurrent() || k.state() instanceof KeyState.Retired r && now.isBefore(r.decryptUntil()))
                .sorted(Comparator.comparing(k -> !k.isCurrent()))
                .map(k -> decryption.get(k.keyId())).filter(Objects::nonNull).toList();
    }

    /** Destroys the private keys held here that {@code next} no longer holds. */
    public void destroyKeysNotIn(Mailbox next) {
        identity.filter(k -> next.identity().orElse(null) != k).ifPresent(IdentityPrivateKey::destroy);
        decryption.forEach((id, k) -> {
            if (next.decryption().get(id) != k) {
                k.destroy();
            }
        });
    }

    /** Destroys every private key held here. */
    public void destroy() {
        identity.ifPresent(IdentityPrivateKey::destroy);
        decryption.values().forEach(UserEncryptionPrivateKey::destroy);
    }

    private Mailbox withKeys(List<MailboxKey> next) {
        Set<String> live = new HashSet<>();
        next.stream().filter(k -> k.state().hasPrivateKey()).forEach(k -> live.add(k.keyId()));
        Map<String, UserEncryptionPrivateKey> kept = new HashMap<>(decryption);
        kept.keySet().retainAll(live);
        return new Mailbox(address, advertise, removing, next, identity.filter(k -> live.contains(k.keyId().hex())), kept);
    }

    private static KeyState.Revoked superseded(KeyState.Retired r) {
        return new KeyState.Revoked(r.at(), RevocationReason.SUPERSEDED, Optional.of(r.replacementKeyId()));
    }

    @Override
    public String toString() {
        return "Mailbox[" + address + (removing ? ", removing" : "") + ", " + keys.size() + " keys, redacted]";
    }
}
