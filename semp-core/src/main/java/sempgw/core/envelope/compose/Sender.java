package sempgw.core.envelope.compose;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.IdentityPrivateKey;

/**
 * The sending user's keys.
 *
 * @param identityKey signs the enclosure (ENVELOPE.md §6.5.1: the identity key, never a device key)
 * @param homeServerKey when present, {@code K_brief} is also wrapped for the sender's own home
 *     server domain key, as semp-go clients do so that their home server can read the brief at
 *     submission (SPEC-DIGEST-WIRE §3.2; ENVELOPE.md §7.1 does not list it). Needed by go home
 *     servers; leave empty when the home server does not need the brief.
 */
public record Sender(IdentityPrivateKey identityKey, Optional<DomainEncryptionPublicKey> homeServerKey) {
    public Sender {
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(homeServerKey, "homeServerKey");
    }

    /** A sender whose home server gets no brief entry. */
    public static Sender of(IdentityPrivateKey identityKey) {
        return new Sender(identityKey, Optional.empty());
    }

    /** A sender whose home server can read the brief (the semp-go client behaviour). */
    public static Sender withHomeServer(IdentityPrivateKey identityKey, DomainEncryptionPublicKey homeServerKey) {
        return new Sender(identityKey, Optional.of(homeServerKey));
    }
}
