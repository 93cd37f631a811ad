package sempgw.app.mailbox;

import java.util.List;
import java.util.Optional;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * The mailbox agent's keys, read side, for the SMTP-SEMP bridge (GATEWAY.md §2): the identity key
 * that signs a provisioned mailbox's outbound enclosures (ENVELOPE.md §6.5) and the encryption
 * keys that open envelopes addressed to it (ENVELOPE.md §4.4). Addresses are matched as the
 * mailbox store keeps them: canonical (ENVELOPE.md §2.3) with the local part in lower case, so
 * {@code Alice@Example.ORG} finds {@code alice@example.org}; an address that is not an address
 * is simply not provisioned.
 *
 * <p>The keys belong to the store: callers use them and never destroy them. A key handed out
 * stays usable until its mailbox is rotated or removed, which destroys it; a use racing such a
 * change fails with {@link IllegalStateException}, which the bridge treats as a temporary failure.
 * Thread-safe; every method is a map read.
 */
public interface MailboxKeys {

    /** The current identity key, the mailbox's address and the key's {@code ed25519:<hex>} fingerprint; empty when not provisioned. */
    Optional<MailboxIdentity> identity(String address);

    /**
     * The current encryption keys, newest first, then the retired ones still inside their
     * decryption window (KEY.md §7.2 step 4, CLIENT.md §5.2); empty when not provisioned.
     */
    List<UserEncryptionPrivateKey> decryptionKeys(String address);

    /** Whether the address is a provisioned mailbox (a local SEMP user for the receive pipeline). */
    boolean provisioned(String address);

    /** Whether its SMTP mail may carry the upgrade-signal headers (CLIENT.md §6.4.3); false when not provisioned. */
    boolean advertises(String address);
}
