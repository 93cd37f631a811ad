package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.core.testing.SharedFiles.hex;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC vectors and misuse behaviour of the primitives behind the suites. */
final class PrimitivesTest {

    @Test
    void ed25519_rfc8032Test1_signsAndVerifies() throws Exception {
        // RFC 8032 §7.1 TEST 1 (empty message); signing uses an empty-prefix context.
        Ed25519PrivateKey k = Ed25519PrivateKey.fromSeed(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(hex(k.publicKey().bytes())).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = k.sign(SignatureContext.GO_UNPREFIXED_KEY_RECORD, new byte[0]);
        assertThat(hex(sig)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(k.publicKey().verify(SignatureContext.GO_UNPREFIXED_KEY_RECORD, new byte[0], sig)).isTrue();
    }

    @Test
    void ed25519_contextSeparation_signatureDoesNotCrossContexts() {
        Ed25519PrivateKey k = Ed25519PrivateKey.generate(RandomSource.secure());
        byte[] msg = "canonical".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = k.sign(SignatureContext.ENVELOPE, msg);
        assertThat(k.publicKey().verify(SignatureContext.ENVELOPE, msg, sig)).isTrue();
        assertThat(k.publicKey().verify(SignatureContext.HANDSHAKE, msg, sig)).isFalse();
        assertThat(k.publicKey().verify(SignatureContext.ENVELOPE, msg, new byte[63])).isFalse();
        byte[] prefixed = SignatureContext.ENVELOPE.prefixed(msg);
        assertThat(new String(prefixed, StandardCharsets.US_ASCII)).isEqualTo("SEMP-ENVELOPE:canonical");
    }

    @Test
    void ed25519_goKeyForm_acceptedAndMismatchRejected() throws Exception {
        Ed25519PrivateKey k = Ed25519PrivateKey.generate(RandomSource.secure());
        byte[] seed = k.exportSeedInsecure(InsecureSecretAccess.get());
        byte[] go = new byte[64];
        System.arraycopy(seed, 0, go, 0, 32);
        System.arraycopy(k.publicKey().bytes(), 0, go, 32, 32);
        assertThat(Ed25519PrivateKey.fromSeed(go).publicKey()).isEqualTo(k.publicKey());
        go[63] ^= 1;
        assertThatThrownBy(() -> Ed25519PrivateKey.fromSeed(go)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Ed25519PrivateKey.fromSeed(new byte[31])).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Ed25519PublicKey.of(new byte[33])).isInstanceOf(CryptoException.class);
        k.destroy();
        assertThatThrownBy(() -> k.sign(SignatureContext.ENVELOPE, new byte[1])).isInstanceOf(IllegalStateException.class);
        assertThat(k.toString()).contains("redacted");
    }

    @Test
    void chacha20poly1305_rfc8439Section282_vector() throws Exception {
        SecretBytes key = SecretBytes.copyOf(hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"));
        byte[] nonce = hex("070000004041424344454647");
        byte[] aad = hex("50515253c0c1c2c3c4c5c6c7");
        byte[] pt = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
                + "sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        byte[] ct = ChaCha20Poly1305.INSTANCE.seal(key, nonce, pt, aad);
        assertThat(hex(ct)).startsWith("d31a8d34648e60db7b86afbc53ef7ec2").endsWith("1ae10b594f09e26a7e902ecbd0600691");
        assertThat(ChaCha20Poly1305.INSTANCE.open(key, nonce, ct, aad)).isEqualTo(pt);
        ct[0] ^= 1;
        assertThatThrownBy(() -> ChaCha20Poly1305.INSTANCE.open(key, nonce, ct, aad)).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.AUTHENTICATION_FAILED));
    }

    @Test
    void chacha20poly1305_prefixedNonce_roundTripsAndRejectsShortOrWrongAad() throws Exception {
        SecretBytes key = SecretBytes.random(32, RandomSource.secure());
        byte[] aad = "01J4K7P2XVEM3Q8YNZHBRC5T06".getBytes(StandardCharsets.US_ASCII);
        byte[] p = ChaCha20Poly1305.INSTANCE.sealWithRandomNonce(key, "brief".getBytes(StandardCharsets.US_ASCII), aad, RandomSource.secure());
        assertThat(p).hasSize(12 + 5 + 16);
        assertThat(ChaCha20Poly1305.INSTANCE.openWithPrefixedNonce(key, p, aad)).isEqualTo("brief".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ChaCha20Poly1305.INSTANCE.openWithPrefixedNonce(key, p, new byte[0])).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> ChaCha20Poly1305.INSTANCE.openWithPrefixedNonce(key, new byte[27], aad)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> ChaCha20Poly1305.INSTANCE.open(key, new byte[11], new byte[16], aad)).isInstanceOf(CryptoException.class);
    }

    @Test
    void chacha20poly1305_sameKeyAndNonceTwiceAndAfterFailure_sealsIdentically() throws Exception {
        SecretBytes key = SecretBytes.copyOf(hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"));
        byte[] nonce = hex("070000004041424344454647");
        byte[] aad = hex("50515253c0c1c2c3c4c5c6c7");
        byte[] first = ChaCha20Poly1305.INSTANCE.seal(key, nonce, new byte[100], aad);
        assertThat(ChaCha20Poly1305.INSTANCE.seal(key, nonce, new byte[100], aad)).isEqualTo(first);
        byte[] bad = first.clone();
        bad[5] ^= 1;
        assertThatThrownBy(() -> ChaCha20Poly1305.INSTANCE.open(key, nonce, bad, aad)).isInstanceOf(CryptoException.class);
        assertThat(ChaCha20Poly1305.INSTANCE.seal(key, nonce, new byte[100], aad)).isEqualTo(first);
        assertThat(ChaCha20Poly1305.INSTANCE.open(key, nonce, first, aad)).isEqualTo(new byte[100]);
    }

    @Test
    void hkdf_expandWith32BytePrk_works() {
        SecretBytes prk = SecretBytes.copyOf(new byte[32]);
        SecretBytes k = HkdfSha512.INSTANCE.expand(prk, "SEMP-v1-ext-x".getBytes(StandardCharsets.US_ASCII), 100);
        assertThat(k.length()).isEqualTo(100);
        assertThatThrownBy(() -> HkdfSha512.INSTANCE.expand(prk, new byte[0], 255 * 64 + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digests_knownAnswers() {
        assertThat(hex(Digests.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(Digests.sha512("abc".getBytes(StandardCharsets.US_ASCII)))).startsWith("ddaf35a193617aba").endsWith("a54ca49f");
        assertThat(hex(Digests.sha3_256(new byte[0])))
                .isEqualTo("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
        assertThat(hex(Digests.shake256(32, new byte[0])))
                .isEqualTo("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f");
    }

    @Test
    void secretBytes_constantTimeEqualsRedactionAndDestroy() {
        SecretBytes a = SecretBytes.copyOf(new byte[] {1, 2, 3});
        SecretBytes b = SecretBytes.copyOf(new byte[] {1, 2, 3});
        assertThat(a.equalsSecret(b)).isTrue();
        assertThat(a.equalsSecret(SecretBytes.copyOf(new byte[] {1, 2, 4}))).isFalse();
        assertThat(a.toString()).isEqualTo("SecretBytes[3 bytes, redacted]");
        byte[] copy = a.toByteArray(InsecureSecretAccess.get());
        copy[0] = 9;
        assertThat(a.equalsSecret(b)).isTrue();
        a.destroy();
        assertThat(a.isDestroyed()).isTrue();
        assertThatThrownBy(() -> a.toByteArray(InsecureSecretAccess.get())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void suites_lookupByWireName_wholeBundles() {
        assertThat(CryptoSuite.lookup("x25519-chacha20-poly1305")).containsInstanceOf(X25519ChaCha20Poly1305Suite.class);
        assertThat(CryptoSuite.lookup("pq-kyber768-x25519").orElseThrow().kem()).isSameAs(HybridKem.INSTANCE);
        assertThat(CryptoSuite.lookup("X25519-CHACHA20-POLY1305")).isEmpty();
        assertThat(SuiteId.fromKeyAlgorithm("x25519")).contains(SuiteId.X25519_CHACHA20_POLY1305);
        for (SuiteId id : SuiteId.values()) {
            CryptoSuite s = CryptoSuite.of(id);
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.kem().suite()).isEqualTo(id);
            assertThat(s.mac().tagLength()).isEqualTo(32);
            assertThat(s.aead().nonceLength()).isEqualTo(12);
        }
    }
}
