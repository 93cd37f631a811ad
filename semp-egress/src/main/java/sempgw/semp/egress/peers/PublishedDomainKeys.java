package sempgw.semp.egress.peers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * A peer's {@code SEMP_DOMAIN_KEYS} document (KEY.md §2.3), verified and typed, as fetched over
 * HTTPS from the URL its configuration advertised.
 *
 * @param domain     the email domain the document names
 * @param signing    the Ed25519 domain signing key
 * @param encryption the domain encryption key, when its algorithm is a suite we know
 * @param fetchedAt  when it was fetched
 * @param expiresAt  when the cached copy goes stale: the configuration's {@code ttl_seconds}
 */
public record PublishedDomainKeys(String domain, DomainSigningPublicKey signing, Optional<DomainEncryptionPublicKey> encryption,
                                  Instant fetchedAt, Instant expiresAt) {
    public PublishedDomainKeys {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
