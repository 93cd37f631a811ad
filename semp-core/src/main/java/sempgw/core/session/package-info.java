/**
 * SEMP sessions after the handshake: the session record and its key lifecycle, the in-session
 * rekey exchange in semp-go's sealed format, and the rules that bound both.
 *
 * <p>{@link sempgw.core.session.Session} holds one session's id, peer, suite, keys and expiry.
 * Time is always passed in; nothing here reads a clock, starts a thread or touches I/O. A rekey
 * is driven by {@link sempgw.core.session.RekeyInitiator} on the side that starts it and
 * {@link sempgw.core.session.RekeyResponder} on the other; both return a
 * {@link sempgw.core.session.RekeyStep} telling the caller what to send and whether the keys
 * changed.
 *
 * <p>Wire format of a rekey message (semp-go; the spec defines none, see docs/interop.md):
 * <pre>
 * outer = {"ciphertext":b64,"direction":"c2s"|"s2c","nonce":b64(12),"sealed":true,"type":"SEMP_REKEY","version":"1.0.0"}
 * ciphertext = ChaCha20-Poly1305(K_enc_dir, nonce, inner JSON, aad = LP(direction) || LP(session_id) || LP(K_mac_dir))
 * LP(x) = uint32_be(len(x)) || x
 * new keys = HKDF-SHA-512(salt = rekey_nonce || responder_nonce, IKM = KEM secret), labels SEMP-v1-rekey-*
 * </pre>
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>SESSION.md §2.1 (key derivation), §2.3 (active state), §2.4 (expiry and erasure)</li>
 *   <li>SESSION.md §2.5.2 (federation collision rule), §2.6 (client state)</li>
 *   <li>SESSION.md §3.1-§3.5 (rekey timing, messages, derivation, transition window, limits)</li>
 *   <li>HANDSHAKE.md §1.4 (SEMP_REKEY), §2.7.1 (session_ttl)</li>
 *   <li>VECTORS.md §2.2 (rekey derivation), §9 (session lifecycle)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8439 (ChaCha20-Poly1305), RFC 5869 (HKDF), RFC 7748 (X25519); ULID session ids
 * (Crockford base32, github.com/ulid/spec).
 *
 * <h2>Security</h2>
 * Talks to nothing. Holds session keys in memory only, in {@link sempgw.core.crypto.SecretBytes};
 * superseded keys are zeroed at once, except the previous {@code K_env_mac}, kept for the
 * 5-second transition window and zeroed after it (SESSION.md §3.4). Rekey ephemeral private keys
 * are zeroed as soon as the shared secret exists (SESSION.md §2.2). {@code toString} never shows
 * key bytes.
 */
package sempgw.core.session;
