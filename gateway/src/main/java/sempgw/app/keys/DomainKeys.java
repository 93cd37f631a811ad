package sempgw.app.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * Our domain's long-term keys (KEY.md §1.1, §2.3): the Ed25519 signing key and one encryption
 * key per suite. Handed to the components that sign or unwrap; {@link #close()} destroys every
 * private key. {@link #toString()} shows fingerprints only.
 *
 * @param domain the email domain the keys belong to
 * @param created when they were generated (published as the keys' {@code created})
 */
public record DomainKeys(String domain, Instant created, DomainSigningPrivateKey signing,
        Map<SuiteId, DomainEncryptionPrivateKey> encryption) implements AutoCloseable {

    public DomainKeys {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(signing, "signing");
        encryption = Map.copyOf(encryption);
        if (encryption.isEmpty()) {
            throw new IllegalArgumentException("at least one domain encryption key is needed");
        }
        encryption.forEach((suite, key) -> {
            if (key.suite() != suite) {
                throw new IllegalArgumentException("encryption key for " + key.suite() + " filed under " + suite);
            }
        });
    }

    /**
     * How long the keys are published as valid: 365 days from {@link #created()}, inside KEY.md
     * §7.1's recommended rotation intervals (12-24 months for domain keys, 6-12 months for
     * encryption keys).
     */
    public static final Duration VALIDITY = Duration.ofDays(365);

    /** When the keys expire ({@code expires} in the domain-keys document): {@link #created()} + {@link #VALIDITY}. */
    public Instant expires() {
        return created.plus(VALIDITY);
    }

    /** The public signing key, for the domain-keys document, TLSA and peers. */
    public DomainSigningPublicKey signingPublicKey() {
        return signing.publicKey();
    }

    /** The encryption key of {@code suite}, if we have one. */
    public Optional<DomainEncryptionPrivateKey> encryption(SuiteId suite) {
        return Optional.ofNullable(encryption.get(suite));
    }

    /** The public encryption keys, in {@link SuiteId} declaration order. */
    public List<DomainEncryptionPublicKey> encryptionPublicKeys() {
        return encryption.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().publicKey()).toList();
    }

    /** Zeroes every private key; the keys cannot sign or unwrap afterwards. */
    @Override
    public void close() {
        signing.destroy();
        encryption.values().forEach(DomainEncryptionPrivateKey::destroy);
    }

    @Override
    public String toString() {
        return "DomainKeys[" + domain + ", signing " + signing.keyId() + ", encryption "
                + encryptionPublicKeys().stream().map(k -> k.suite() + " " + k.keyId()).toList() + ", redacted]";
    }
}
