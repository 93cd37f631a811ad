package sempgw.semp.egress.peers;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * A peer's {@code SEMP_DOMAIN_KEYS} document (KEY.md §2.3), verified and typed, as fetched over
 * HTTPS from the URL its configuration advertised.
 *
 * @param domain         the email domain the document names
 * @param signing        the Ed25519 domain signing key
 * @param encryption     the document's {@code encryption_key}, when its algorithm is a suite we know
 * @param encryptionKeys one domain encryption key per suite we know: {@code encryption_key} plus
 *                       the {@code encryption_keys} array some servers add for their other suites
 *                       (docs/interop.md "Domain keys with two suites")
 * @param fetchedAt      when it was fetched
 * @param expiresAt      when the cached copy goes stale: the configuration's {@code ttl_seconds}
 */
public record PublishedDomainKeys(String domain, DomainSigningPublicKey signing, Optional<DomainEncryptionPublicKey> encryption,
                                  Map<SuiteId, DomainEncryptionPublicKey> encryptionKeys, Instant fetchedAt, Instant expiresAt) {
    public PublishedDomainKeys {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(encryption, "encryption");
        encryptionKeys = Map.copyOf(encryptionKeys);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (encryption.isPresent() && !encryption.get().equals(encryptionKeys.get(encryption.get().suite()))) {
            throw new IllegalArgumentException("encryption_key must be the key of its suite");
        }
    }

    /** The domain encryption key of {@code suite}, if the peer publishes one (ENVELOPE.md §4.4). */
    public Optional<DomainEncryptionPublicKey> encryption(SuiteId suite) {
        return Optional.ofNullable(encryptionKeys.get(suite));
    }
}
