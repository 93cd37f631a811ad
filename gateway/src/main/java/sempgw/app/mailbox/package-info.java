/**
 * The mailbox agent's keys (GATEWAY.md §2): for each provisioned mailbox at our domain, the
 * custodial SEMP client keys of a legacy mailbox, an Ed25519 identity key and one encryption key
 * per suite, with their history (current, retired but still decrypting, revoked) and the
 * mailbox's upgrade-signal flag (CLIENT.md §6.4.3). {@link sempgw.app.mailbox.MailboxStore} keeps
 * them, encrypted at rest under the agent key, and publishes the public keys through the user key
 * directory; {@link sempgw.app.mailbox.MailboxKeys} is what the SMTP-SEMP bridge reads;
 * {@link sempgw.app.mailbox.MailboxAdmin} carries out {@code semp-gateway mailbox add | remove |
 * list | rotate | import | advertise}, through the control socket of the running gateway
 * ({@link sempgw.app.mailbox.MailboxControlHandler}) or on the data directory.
 *
 * <p>Files: {@code <data_dir>/agent.key} (32 random octets, mode 0600, created while no mailbox
 * exists), {@code <data_dir>/mailboxes/<sha256(address)>.mailbox} (one sealed file per mailbox),
 * {@code <data_dir>/mailboxes/.lock} (held by whoever has the store open).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>KEY.md §1 (identity and encryption keys), §3 and §4.4 (publication, key records), §5.1
 *       (domain signature), §7.1-§7.2 (rotation, transition period), §8 (revocation, records kept
 *       forever), §9.1 (private keys encrypted at rest)</li>
 *   <li>CLIENT.md §5.2 (old encryption key kept at least 14 days), §6.4.3 (upgrade-signal headers,
 *       {@code SEMP-Identity} fingerprint, opt-out)</li>
 *   <li>ENVELOPE.md §2.3 (canonical addresses), §7.3.1 (suites)</li>
 *   <li>DELIVERY.md §2.4 (retry horizon, at most 7 days, inside the decryption window)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519), RFC 7748 (X25519), RFC 5869 (HKDF), NIST SP 800-38D (AES-GCM),
 * RFC 5322 §3.2.3 and RFC 6531 §3.3 (local parts).
 *
 * <h2>Security</h2>
 * Holds the mailboxes' private keys in memory for the gateway's lifetime and hands them to the
 * bridge only; they are destroyed when a mailbox is removed, when a retired key's window closes,
 * and at close. On disk they exist only sealed (AES-256-GCM, per-write HKDF subkey, header
 * authenticated) under the agent key, which is separate from the domain and queue keys and which
 * the server role never uses; files are mode 0600 in a 0700 directory, written to a temporary
 * name, fsync'd and renamed. Exported key bytes are zeroed after use. Talks to the user key
 * directory (public keys and revocations only) and to nothing on the network. Logs name
 * addresses and public key ids for operator actions only, never private material.
 */
package sempgw.app.mailbox;
