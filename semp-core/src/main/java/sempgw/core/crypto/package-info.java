/**
 * SEMP cryptography: whole algorithm suites and the primitives behind them, chosen once per
 * primitive by measurement on this machine class: in BoringSSL through Conscrypt, X25519 key
 * generation and agreement, Ed25519 verification, ChaCha20-Poly1305 and the system's random bytes
 * (BouncyCastle's and the JDK's where its native library does not load); BouncyCastle's Ed25519
 * signing; the JDK's ML-KEM where the VM has its vector intrinsics (AVX-512), else BouncyCastle's
 * lightweight ML-KEM; the JDK's SHA-2 and HMAC, the latter under our own HKDF-SHA-512.
 *
 * <p>Entry points: {@link sempgw.core.crypto.CryptoSuite#of(SuiteId)} for a suite's
 * {@link sempgw.core.crypto.Kem}, {@link sempgw.core.crypto.Aead}, {@link sempgw.core.crypto.Hkdf}
 * and {@link sempgw.core.crypto.Mac}; {@link sempgw.core.crypto.KeySchedule} for session and
 * rekey keys; {@link sempgw.core.crypto.KeyWrap} for per-recipient key wrapping;
 * {@link sempgw.core.crypto.ProofOfWork} for the handshake challenge. Secrets travel as
 * {@link sempgw.core.crypto.SecretBytes}; randomness comes from an injected
 * {@link sempgw.core.crypto.RandomSource}.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ENVELOPE.md §7.3 (suites as indivisible bundles), §4.3 (signature domain separation), §4.4 (key wrapping)</li>
 *   <li>SESSION.md §2.1 (session key derivation), §3.3 (rekey), §4.1 (hybrid key agreement)</li>
 *   <li>HANDSHAKE.md §2.2a.2, §2.2b.2 (proof of work); CONFORMANCE.md §6 (suite requirements)</li>
 *   <li>VECTORS.md §2.1, §2.2, §4, §6.1</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8032 (Ed25519), RFC 7748 (X25519), RFC 8439 (ChaCha20-Poly1305), RFC 5869 (HKDF),
 * RFC 2104 (HMAC), FIPS 180-4 (SHA-256), FIPS 202 (SHA3-256, SHAKE256), FIPS 203 (ML-KEM) and
 * CRYSTALS-Kyber round 3 (the "Kyber768" of SEMP, rebuilt from ML-KEM; see docs/interop.md).
 *
 * <h2>Security</h2>
 * Talks to nothing. Holds key material only inside {@link sempgw.core.crypto.SecretBytes} and
 * private-key objects, which redact {@code toString} and zero their bytes on {@code destroy()}.
 * Raw secret bytes leave only through methods taking {@link sempgw.core.crypto.InsecureSecretAccess}.
 * HMAC and HKDF are written over the JDK's digests ({@code Hmac}) so that no copy of a key
 * outlives the call. The JVM cannot prevent copies made by the garbage collector, and the JCA key
 * objects left ({@code SecretKeySpec} for the JDK's ChaCha20-Poly1305 where BoringSSL is not
 * loaded, the copies a provider keeps inside a {@code KeyAgreement}) cannot be destroyed; they are
 * short-lived and unreachable after each operation (SESSION.md §5.1, CONFORMANCE.md §4.3).
 */
package sempgw.core.crypto;
