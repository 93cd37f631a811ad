/**
 * Our domain's long-term SEMP keys: the Ed25519 domain signing key and one domain encryption
 * key per suite ({@link sempgw.app.keys.DomainKeys}), generated on first start with
 * {@code [semp] enabled = true} and kept in {@code semp.domain_keys_file}, encrypted under the
 * 256-bit {@code semp.key_file} ({@link sempgw.app.keys.DomainKeyStore}). The file format is
 * versioned ({@code SealedBox}, {@code DomainKeysCodec}); rotation is left to a later version.
 * {@link sempgw.app.keys.AtRestKey}, {@link sempgw.app.keys.SealedBox} (with a format of its
 * own) and {@link sempgw.store.PrivateFiles} also keep the mailbox agent's keys
 * ({@code sempgw.app.mailbox}), under a key of their own.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>KEY.md §1.1 (domain signing key), §2.3 (domain keys published)</li>
 *   <li>ENVELOPE.md §7.3.1 (suites: one encryption key each)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519 seeds), RFC 7748 (X25519), RFC 5869 (HKDF), NIST SP 800-38D (AES-GCM).
 *
 * <h2>Security</h2>
 * Reads and writes two files under the data directory, nothing else. The key file is created
 * mode 0600 and refused when group or others may access it; the key store is AES-256-GCM with a
 * per-write HKDF subkey, authenticated header included, so an altered file is refused. Files
 * are written to a temporary name, fsync'd and linked into place (never half-written, never
 * clobbering another writer). Secrets are zeroed after use wherever the APIs allow
 * ({@code SecretBytes.destroy()}, the keys' {@code destroy()}, exported arrays filled with
 * zeros); logs name fingerprints only.
 */
package sempgw.app.keys;
