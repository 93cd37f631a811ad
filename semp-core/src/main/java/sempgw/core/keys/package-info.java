/**
 * SEMP keys by role, so a key cannot be used for the wrong job, plus key records, their
 * signatures, and revocation records.
 *
 * <p>Roles: {@link sempgw.core.keys.DomainSigningPrivateKey} signs seals and handshakes;
 * {@link sempgw.core.keys.IdentityPrivateKey} signs enclosures and identity proofs (both Ed25519);
 * {@link sempgw.core.keys.DomainEncryptionPrivateKey} and
 * {@link sempgw.core.keys.UserEncryptionPrivateKey} unwrap envelope keys (X25519 or hybrid). Each
 * has a public half of its own type. Private halves never expose raw bytes except through
 * {@code export...Insecure(InsecureSecretAccess)} for key storage. {@link sempgw.core.keys.KeyId}
 * is the fingerprint: lowercase hex SHA-256 of the raw public key (KEY.md §2.3, §4.4).
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>KEY.md §1 (key types), §2.3 (domain keys), §4.4 (key record fields), §5.1-5.2 (signatures), §8 (revocation)</li>
 *   <li>ENVELOPE.md §4.3 (signature domain separation)</li>
 *   <li>SPEC-DIGEST-WIRE §8: semp-go signs key records and results unprefixed</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519), RFC 7748 (X25519), FIPS 180-4 (SHA-256 fingerprints).
 *
 * <h2>Security</h2>
 * Talks to nothing. Private key objects hold secrets and zero them on {@code destroy()}; their
 * {@code toString} shows the fingerprint only. Storage is the caller's (encrypted at rest).
 */
package sempgw.core.keys;
