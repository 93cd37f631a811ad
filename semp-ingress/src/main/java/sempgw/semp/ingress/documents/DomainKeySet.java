package sempgw.semp.ingress.documents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPrivateKey;

/**
 * The domain keys the documents publish (KEY.md §1.1, §2.3): the signing key, which also signs
 * key records and key responses, and one encryption key per suite.
 *
 * @param signingKey the domain signing key; only its public half is published
 * @param signingCreated when the signing key was created ({@code created} in key records)
 * @param signingExpires when it expires ({@code expires})
 * @param encryptionKeys one public encryption key per suite, any order
 */
public record DomainKeySet(DomainSigningPrivateKey signingKey, Instant signingCreated, Instant signingExpires,
                           List<Encryption> encryptionKeys) {

    /** One published domain encryption key with its validity. */
    public record Encryption(DomainEncryptionPublicKey key, Instant created, Instant expires) {
        public Encryption {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(expires, "expires");
        }
    }

    public DomainKeySet {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(signingCreated, "signingCreated");
        Objects.requireNonNull(signingExpires, "signingExpires");
        encryptionKeys = List.copyOf(encryptionKeys);
        if (encryptionKeys.stream().map(e -> e.key().suite()).distinct().count() != encryptionKeys.size()) {
            throw new IllegalArgumentException("one domain encryption key per suite");
        }
    }

    /** A key set whose keys all share one validity period. */
    public static DomainKeySet of(DomainSigningPrivateKey signingKey, List<DomainEncryptionPublicKey> encryptionKeys,
                                  Instant created, Instant expires) {
        return new DomainKeySet(signingKey, created, expires,
                encryptionKeys.stream().map(k -> new Encryption(k, created, expires)).toList());
    }

    /** The encryption key of {@code suite}, if there is one. */
    public Optional<Encryption> encryption(SuiteId suite) {
        return encryptionKeys.stream().filter(e -> e.key().suite() == suite).findFirst();
    }
}
