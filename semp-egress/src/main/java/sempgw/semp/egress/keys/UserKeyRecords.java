package sempgw.semp.egress.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.ClockTolerance;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.CryptoException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.KeyRecord;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.RevocationReason;

/**
 * Turns one address's verified records into {@link UserKeys}:
 *
 * <ul>
 *   <li>an encryption key is kept when not revoked (KEY.md §8.3: a revoked key MUST NOT be used;
 *   CLIENT.md §3.3), {@code now} is not after its {@code expires} and its {@code created} not more
 *   than 5 minutes after {@code now} (KEY.md §4.4, CONFORMANCE.md §9.3.1 via {@link ClockTolerance}),
 *   and its {@code algorithm} names a suite we run with a key of the right length;</li>
 *   <li>an Ed25519 identity key is kept unless revoked for a reason other than {@code superseded}
 *   or {@code cessation_of_operation}: ENVELOPE.md §6.5.3 lets signatures under historically
 *   published, now revoked keys verify, but a key revoked as compromised, on hold or for an
 *   unknown reason never vouches for anything;</li>
 *   <li>an identity key is dropped when its {@code created} is more than 5 minutes ahead of our
 *   clock (CONFORMANCE.md §9.3.1, §9.3.3), but kept after its {@code expires}: ENVELOPE.md §6.5.3
 *   names the keys a signature may verify under without an expiry, and §6.6.4 verifies forwarded
 *   originals of any age under it (docs/interop.md "Identity key validity");</li>
 *   <li>an identity key revoked only by a separate notice (a record without {@code public_key})
 *   carries no reason, so it is dropped;</li>
 *   <li>device and domain records are not used.</li>
 * </ul>
 * A record dropped for an unusable key or timestamp is logged with its key id, never its bytes.
 */
final class UserKeyRecords {
    private static final Logger LOG = LoggerFactory.getLogger(UserKeyRecords.class);
    private static final Set<RevocationReason> HISTORIC = Set.of(RevocationReason.SUPERSEDED, RevocationReason.CESSATION_OF_OPERATION);

    private UserKeyRecords() {
    }

    static UserKeys classify(String address, VerifiedRecords.Published published, Instant now, Instant expiresAt) {
        List<UserKeys.EncryptionKey> encryption = new ArrayList<>();
        List<UserKeys.IdentityKey> identity = new ArrayList<>();
        for (KeyRecord r : published.records()) {
            boolean revoked = r.isRevoked() || published.revoked().contains(r.keyId());
            try {
                Optional<Instant> expires = r.keyType() == KeyType.ENCRYPTION && !revoked ? current(r, now) : Optional.empty();
                if (expires.isPresent()) {
                    encryption.add(new UserKeys.EncryptionKey(r.encryptionKey(), expires.get()));
                } else if (r.keyType() == KeyType.IDENTITY && (!revoked || historic(r)) && !futureDated(r, now)) {
                    identity.add(new UserKeys.IdentityKey(r.identityKey(), revoked));
                }
            } catch (CryptoException e) {
                LOG.warn("user keys: {} record {} skipped: {}", r.keyType().wireName(), r.keyId(), e.getMessage());
            }
        }
        return new UserKeys(address, encryption, identity, now, expiresAt);
    }

    /**
     * The record's expiry when it is valid at {@code now} (KEY.md §4.4) within our clock tolerance
     * (CONFORMANCE.md §9.3.1, §9.3.6): a {@code created} up to 5 minutes ahead of our clock is the
     * peer's clock, not a key from the future, and MUST be accepted; {@code expires} has no grace.
     */
    private static Optional<Instant> current(KeyRecord r, Instant now) {
        Optional<Instant> created = SempTimestamps.parse(r.created());
        Optional<Instant> expires = SempTimestamps.parse(r.expires());
        if (created.isEmpty() || expires.isEmpty()) {
            LOG.warn("user keys: encryption record {} skipped: created or expires is not RFC 3339", r.keyId());
            return Optional.empty();
        }
        if (futureDated(r, now)) {
            return Optional.empty();
        }
        return ClockTolerance.expired(expires.get(), now, Duration.ZERO) ? Optional.empty() : expires;
    }

    /**
     * True, and logged, when the record's {@code created} is more than 5 minutes ahead of our clock:
     * a record from the future is refused even if its signatures verify (CONFORMANCE.md §9.3.1,
     * §9.3.3). A {@code created} that does not parse is not judged here.
     */
    private static boolean futureDated(KeyRecord r, Instant now) {
        Optional<Instant> created = SempTimestamps.parse(r.created());
        if (created.isEmpty() || ClockTolerance.acceptsClaimed(created.get(), now)) {
            return false;
        }
        LOG.warn("user keys: {} record {} skipped: created {} is more than {} ahead of our clock", r.keyType().wireName(), r.keyId(),
                r.created(), ClockTolerance.FUTURE_ACCEPTED);
        return true;
    }

    /** True when the record's own {@code revocation} names a reason that keeps old signatures valid (KEY.md §8.2). */
    private static boolean historic(KeyRecord r) {
        Optional<JsonObject> revocation = r.revocation();
        return revocation.isPresent() && revocation.get().getOrNull("reason") instanceof JsonString reason
                && RevocationReason.parse(reason.value()).filter(HISTORIC::contains).isPresent();
    }
}
