package sempgw.app.mailbox;

import java.util.Objects;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.IdentityPublicKey;

/**
 * A provisioned mailbox's current identity key (KEY.md §1), for signing its outbound enclosures
 * (ENVELOPE.md §6.5), with the mailbox's address and the fingerprint the {@code SEMP-Identity}
 * upgrade-signal header carries: {@code ed25519:<hex>}, the hex being the key's {@code key_id},
 * SHA-256 of the raw public key (CLIENT.md §6.4.3, KEY.md §4.4). {@link #toString()} shows the
 * fingerprint only.
 *
 * @param address the mailbox's address as the store names it, however the lookup spelled it: the
 *     canonical address its keys are published under and its envelopes carry in {@code brief.from}
 *     (ENVELOPE.md §2.3)
 * @param key the private key; owned by the mailbox store, never destroyed by the caller
 * @param fingerprint {@code ed25519:<64 hex digits>}
 */
public record MailboxIdentity(SempAddress address, IdentityPrivateKey key, String fingerprint) {

    public MailboxIdentity {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(key, "key");
        if (!fingerprint.equals(fingerprintOf(key.publicKey()))) {
            throw new IllegalArgumentException("fingerprint does not match the key");
        }
    }

    /** The identity of {@code key}, the key of the mailbox at {@code address}. */
    public static MailboxIdentity of(SempAddress address, IdentityPrivateKey key) {
        return new MailboxIdentity(address, key, fingerprintOf(key.publicKey()));
    }

    /** {@code <algorithm>:<hex>} of an identity public key (CLIENT.md §6.4.3). */
    public static String fingerprintOf(IdentityPublicKey key) {
        return key.algorithm() + ":" + key.keyId().hex();
    }

    @Override
    public String toString() {
        return "MailboxIdentity[" + fingerprint + ", redacted]";
    }
}
