package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sempgw.core.testing.ScriptedRandom;
import sempgw.core.testing.SharedFiles;

/** semp-go kem.json: X25519, hybrid, raw Kyber768 round 3 and the key wrap (SPEC-DIGEST-WIRE §1.2, §3.2). */
final class KemVectorsTest {
    private static final JsonNode V = SharedFiles.goVectors("kem.json");

    private static String secret(SecretBytes s) {
        return hex(s.toByteArray(InsecureSecretAccess.get()));
    }

    @Test
    void x25519_everyCase_decapsulatesAndReEncapsulatesByteForByte() throws Exception {
        for (JsonNode c : V.get("x25519")) {
            KemPrivateKey r = X25519Kem.INSTANCE.importPrivateKey(hex(c.get("recipient").get("private_key_hex").asText()));
            assertThat(hex(r.publicKey())).isEqualTo(c.get("recipient").get("public_key_hex").asText());
            assertThat(secret(r.decapsulate(hex(c.get("ciphertext_hex").asText())))).isEqualTo(c.get("shared_secret_hex").asText());

            ScriptedRandom rnd = new ScriptedRandom(hex(c.get("sender_ephemeral_private_hex").asText()));
            KemEncapsulation e = X25519Kem.INSTANCE.encapsulate(r.publicKey(), rnd);
            assertThat(hex(e.ciphertext())).isEqualTo(c.get("ciphertext_hex").asText());
            assertThat(secret(e.sharedSecret())).isEqualTo(c.get("shared_secret_hex").asText());
        }
    }

    @Test
    void hybrid_everyCase_decapsulatesAndReEncapsulatesByteForByte() throws Exception {
        for (JsonNode c : V.get("hybrid")) {
            JsonNode rec = c.get("recipient");
            KemPrivateKey r = HybridKem.INSTANCE.importPrivateKey(b64(rec.get("hybrid_private_key_go_b64").asText()));
            assertThat(r.publicKey()).isEqualTo(b64(rec.get("hybrid_public_key_b64").asText()));
            byte[] ct = b64(c.get("ciphertext_b64").asText());
            assertThat(secret(r.decapsulate(ct))).isEqualTo(c.get("shared_secret_hex").asText());
            assertThat(c.get("shared_secret_hex").asText())
                    .isEqualTo(c.get("kyber768_shared_secret_hex").asText() + c.get("x25519_shared_secret_hex").asText());

            ScriptedRandom rnd = new ScriptedRandom(hex(c.get("sender_ephemeral_x25519_private_hex").asText()),
                    hex(c.get("kyber768_encapsulation_seed_hex").asText()));
            KemEncapsulation e = HybridKem.INSTANCE.encapsulate(r.publicKey(), rnd);
            assertThat(e.ciphertext()).isEqualTo(ct);
            assertThat(secret(e.sharedSecret())).isEqualTo(c.get("shared_secret_hex").asText());
            assertThat(rnd.exhausted()).isTrue();
        }
    }

    @Test
    void kyberRound3_validCiphertexts_matchCirclAndTamperedOnesDoNotCrash() throws Exception {
        for (JsonNode c : V.get("kyber768_round3")) {
            byte[] sk = b64(c.get("private_key_b64").asText());
            byte[] pk = b64(c.get("public_key_b64").asText());
            byte[] ct = b64(c.get("ciphertext_b64").asText());
            assertThat(Kyber768Round3.publicKeyOf(sk)).isEqualTo(pk);
            var d = Kyber768Round3.privateKey(sk);
            assertThat(hex(Kyber768Round3.decapsulate(d, ct))).isEqualTo(c.get("shared_secret_hex").asText());

            byte[][] enc = Kyber768Round3.encapsulate(pk, hex(c.get("encapsulation_seed_hex").asText()));
            assertThat(enc[0]).isEqualTo(ct);
            assertThat(hex(enc[1])).isEqualTo(c.get("shared_secret_hex").asText());

            byte[] tampered = b64(c.get("tampered_ciphertext_b64").asText());
            byte[] rejected = Kyber768Round3.decapsulate(d, tampered);
            assertThat(hex(rejected)).isNotEqualTo(c.get("shared_secret_hex").asText()).hasSize(64);
        }
    }

    @Test
    void keyWrap_everyCase_unwrapsAndReWrapsByteForByte() throws Exception {
        for (JsonNode c : V.get("key_wrap")) {
            SuiteId suite = SuiteId.parse(c.get("suite").asText()).orElseThrow();
            Kem kem = CryptoSuite.of(suite).kem();
            JsonNode rec = c.get("recipient");
            KemPrivateKey r = suite == SuiteId.PQ_KYBER768_X25519
                    ? kem.importPrivateKey(b64(rec.get("hybrid_private_key_go_b64").asText()))
                    : kem.importPrivateKey(hex(rec.get("private_key_hex").asText()));
            byte[] wrapped = b64(c.get("wrapped_b64").asText());
            assertThat(wrapped).hasSize(KeyWrap.wrappedLength(kem, 32));
            assertThat(secret(KeyWrap.unwrap(r, wrapped))).isEqualTo(c.get("unwrapped_key_hex").asText());

            ScriptedRandom rnd = suite == SuiteId.PQ_KYBER768_X25519
                    ? new ScriptedRandom(hex(c.get("sender_ephemeral_x25519_private_hex").asText()),
                            hex(c.get("kyber768_encapsulation_seed_hex").asText()))
                    : new ScriptedRandom(hex(c.get("sender_ephemeral_x25519_private_hex").asText()));
            byte[] again = KeyWrap.wrap(kem, r.publicKey(), SecretBytes.copyOf(hex(c.get("symmetric_key_hex").asText())), rnd);
            assertThat(again).isEqualTo(wrapped);
        }
    }

    @Test
    void keyWrap_tamperedOrForeignEntry_failsAuthentication() throws Exception {
        KemPrivateKey a = X25519Kem.INSTANCE.generate(RandomSource.secure());
        KemPrivateKey b = X25519Kem.INSTANCE.generate(RandomSource.secure());
        byte[] entry = KeyWrap.wrap(X25519Kem.INSTANCE, a.publicKey(), SecretBytes.random(32, RandomSource.secure()), RandomSource.secure());
        assertThatThrownBy(() -> KeyWrap.unwrap(b, entry)).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.AUTHENTICATION_FAILED));
        byte[] flipped = entry.clone();
        flipped[50] ^= 1;
        assertThatThrownBy(() -> KeyWrap.unwrap(a, flipped)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> KeyWrap.unwrap(a, Arrays.copyOf(entry, 40))).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.INVALID_CIPHERTEXT));
    }

    @Test
    void hybrid_generatedKeys_roundTripAndExportReimports() throws Exception {
        KemPrivateKey k = HybridKem.INSTANCE.generate(RandomSource.secure());
        assertThat(k.publicKey()).hasSize(1216);
        KemEncapsulation e = HybridKem.INSTANCE.encapsulate(k.publicKey(), RandomSource.secure());
        assertThat(e.ciphertext()).hasSize(1120);
        assertThat(k.decapsulate(e.ciphertext()).equalsSecret(e.sharedSecret())).isTrue();
        KemPrivateKey again = HybridKem.INSTANCE.importPrivateKey(k.exportInsecure(InsecureSecretAccess.get()));
        assertThat(again.publicKey()).isEqualTo(k.publicKey());
        assertThat(again.decapsulate(e.ciphertext()).equalsSecret(e.sharedSecret())).isTrue();
        again.destroy();
        assertThat(again.isDestroyed()).isTrue();
        assertThatThrownBy(() -> again.decapsulate(e.ciphertext())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void x25519_lowOrderPoint_isRejected() throws Exception {
        KemPrivateKey k = X25519Kem.INSTANCE.generate(RandomSource.secure());
        assertThatThrownBy(() -> k.decapsulate(new byte[32])).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.INVALID_CIPHERTEXT));
        assertThatThrownBy(() -> X25519Kem.INSTANCE.encapsulate(new byte[32], RandomSource.secure()))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.INVALID_KEY));
    }

    @Test
    void decapsulate_wrongLengthsOrForeignKey_areTypedErrors() throws Exception {
        KemPrivateKey x = X25519Kem.INSTANCE.generate(RandomSource.secure());
        assertThatThrownBy(() -> x.decapsulate(new byte[31])).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> HybridKem.INSTANCE.decapsulate(x, new byte[1120])).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.INVALID_KEY));
        assertThatThrownBy(() -> HybridKem.INSTANCE.encapsulate(new byte[1215], RandomSource.secure())).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> HybridKem.INSTANCE.importPrivateKey(new byte[2431])).isInstanceOf(CryptoException.class);
        byte[] inconsistent = HybridKem.INSTANCE.generate(RandomSource.secure()).exportInsecure(InsecureSecretAccess.get());
        inconsistent[32 + 1152 + 5] ^= 1;
        assertThatThrownBy(() -> HybridKem.INSTANCE.importPrivateKey(inconsistent)).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.INVALID_KEY));
        assertThat(x.toString()).contains("redacted");
    }

    @Test
    void hybrid_kyberKeyWithOutOfRangeCoefficients_isInvalidKey() throws Exception {
        byte[] pub = HybridKem.INSTANCE.generate(RandomSource.secure()).publicKey();
        Arrays.fill(pub, 32, 32 + 384, (byte) 0xFF);
        assertThatThrownBy(() -> HybridKem.INSTANCE.encapsulate(pub, RandomSource.secure()))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.INVALID_KEY));
    }
}
