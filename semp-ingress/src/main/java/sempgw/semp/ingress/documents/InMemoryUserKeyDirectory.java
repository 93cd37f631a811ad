package sempgw.semp.ingress.documents;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.CryptoException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.KeyId;
import sempgw.core.keys.KeyRecord;
import sempgw.core.keys.KeyRecordSignatures;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.RevocationReason;

/**
 * The gateway's user key directory, held in memory and made durable through a
 * {@link DirectoryJournal} (write-ahead: journal first, then memory). Records are signed by the
 * domain key when published (KEY.md §5.1, semp-go form). Revoked keys stay listed with their
 * {@code revocation} forever (KEY.md §8.4); a revocation is never lifted or replaced here.
 *
 * <p>Lookups are one map read with an empty default, the same work for an unknown address and
 * for a provisioned one without keys (DESIGN.md §2.7). Thread-safe: reads are lock-free over
 * immutable lists, writes are serialized.
 */
public final class InMemoryUserKeyDirectory implements UserKeyDirectory {
    private final String domain;
    private final DomainSigningPrivateKey signer;
    private final DirectoryJournal journal;
    private final Map<SempAddress, List<PublishedKey>> byAddress = new ConcurrentHashMap<>();

    public InMemoryUserKeyDirectory(String domain, DomainSigningPrivateKey signer, DirectoryJournal journal) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public List<PublishedKey> keys(SempAddress address) {
        return byAddress.getOrDefault(address, List.of());
    }

    /** Records that a mailbox exists before it has keys; publishes nothing. */
    public synchronized void provision(SempAddress address) throws IOException {
        checkDomain(address);
        if (!byAddress.containsKey(address)) {
            commit(new DirectoryChange.Provisioned(address));
        }
    }

    /**
     * Publishes an {@code identity} ({@code ed25519}) or {@code encryption} key (algorithm
     * {@code x25519} or a suite id) for one of the domain's addresses, signed now by the domain key.
     *
     * @throws IllegalArgumentException for another domain, a key that does not fit its algorithm,
     *     or a key already published for the address
     */
    public synchronized PublishedKey publish(SempAddress address, KeyType type, String algorithm, byte[] publicKey,
                                             Instant created, Instant expires, Instant now) throws IOException {
        checkDomain(address);
        JsonObject unsigned = JsonObject.builder()
                .put("address", address.toString())
                .put("key_type", type.wireName())
                .put("algorithm", algorithm)
                .put("public_key", Base64.getEncoder().encodeToString(publicKey))
                .put("key_id", KeyId.of(publicKey).hex())
                .put("created", SempTimestamps.format(created))
                .put("expires", SempTimestamps.format(expires))
                .build();
        checkKey(unsigned, type);
        String keyId = KeyId.of(publicKey).hex();
        if (find(address, keyId).isPresent()) {
            throw new IllegalArgumentException("key " + keyId + " is already published for this address");
        }
        JsonObject signed = KeyRecordSignatures.sign(unsigned, domain, signer, SempTimestamps.format(now));
        PublishedKey key = new PublishedKey(signed, type, keyId);
        commit(new DirectoryChange.Published(address, key));
        return key;
    }

    /**
     * Revokes a published key (KEY.md §8.1-§8.4). Revoking a key again keeps the first revocation.
     *
     * @throws IllegalArgumentException when the address has no such key
     */
    public synchronized PublishedKey revoke(SempAddress address, String keyId, RevocationReason reason, Instant revokedAt,
                                            Optional<String> replacementKeyId) throws IOException {
        PublishedKey key = find(address, keyId).orElseThrow(() -> new IllegalArgumentException("no such key for this address"));
        if (key.revoked()) {
            return key;
        }
        JsonObject.Builder revocation = JsonObject.builder()
                .put("reason", reason.wireName())
                .put("revoked_at", SempTimestamps.format(revokedAt));
        replacementKeyId.ifPresent(r -> revocation.put("replacement_key_id", r));
        commit(new DirectoryChange.Revoked(address, keyId, revocation.build()));
        return find(address, keyId).orElseThrow();
    }

    /** Applies a change read back from the journal, without journaling it again. */
    public synchronized void replay(DirectoryChange change) {
        List<PublishedKey> current = byAddress.getOrDefault(change.address(), List.of());
        List<PublishedKey> next = new ArrayList<>(current);
        switch (change) {
            case DirectoryChange.Provisioned p -> { }
            case DirectoryChange.Published p -> next.add(p.key());
            case DirectoryChange.Revoked r -> next.replaceAll(k -> k.keyId().equals(r.keyId()) && !k.revoked()
                    ? k.withRevocation(r.revocation()) : k);
        }
        byAddress.put(change.address(), List.copyOf(next));
    }

    private void commit(DirectoryChange change) throws IOException {
        journal.append(change);
        replay(change);
    }

    private Optional<PublishedKey> find(SempAddress address, String keyId) {
        return keys(address).stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    private void checkDomain(SempAddress address) {
        if (!address.domain().equals(domain)) {
            throw new IllegalArgumentException("address is not in " + domain);
        }
    }

    private static void checkKey(JsonObject record, KeyType type) {
        try {
            KeyRecord parsed = KeyRecord.parse(record);
            switch (type) {
                case IDENTITY -> parsed.identityKey();
                case ENCRYPTION -> parsed.encryptionKey();
                case DEVICE, DOMAIN -> throw new IllegalArgumentException("only identity and encryption keys are published per user");
            }
        } catch (JsonException | CryptoException e) {
            throw new IllegalArgumentException("key does not fit its algorithm: " + e.getMessage(), e);
        }
    }
}
