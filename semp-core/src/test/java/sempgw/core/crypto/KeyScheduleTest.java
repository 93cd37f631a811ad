package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sempgw.core.testing.SharedFiles;

/** VECTORS.md §2.1 and §2.2, plus semp-go's rekey labels (rekey.json, handshake-client.json). */
final class KeyScheduleTest {
    private static final CryptoSuite SUITE = CryptoSuite.of(SuiteId.PQ_KYBER768_X25519);

    private static String key(SecretBytes s) {
        return hex(s.toByteArray(InsecureSecretAccess.get()));
    }

    @Test
    void session_vector21_derivesPrkAndFiveKeys() {
        SecretBytes ikm = SecretBytes.copyOf(hex("0b".repeat(32) + "0c".repeat(32)));
        byte[] cn = hex("aa".repeat(32));
        byte[] sn = hex("bb".repeat(32));

        SecretBytes prk = SUITE.kdf().extract(hex("aa".repeat(32) + "bb".repeat(32)), ikm);
        assertThat(key(prk)).isEqualTo("1ca5eed820a07ef313053ec19352a69c6dd00c924139d012ff571faa55f07037"
                + "087ced0021ce2b853c3ee8ffeabea0697586d06f989c315cab24859bb3b9ef6e");

        SessionKeys k = KeySchedule.session(SUITE, ikm, cn, sn);
        assertThat(key(k.encC2s())).isEqualTo("cf74d91d41de6ac8f838715bc44a31d7e23b8e9b4dd7dab6be6ad4b8d0567af6");
        assertThat(key(k.encS2c())).isEqualTo("bed26f42d9b1762ab5665b429ef511316e2f9a9be7b4721a310488b3540f90cd");
        assertThat(key(k.macC2s())).isEqualTo("7f7c8b61c27e91c160dba88063346afb920b99fa2736aa0c54b5d022ff58484e");
        assertThat(key(k.macS2c())).isEqualTo("7905bf680e3095c0b71b4d331c2a586316171ab6ad072842b5bea4a0c374723a");
        assertThat(key(k.envMac())).isEqualTo("32925224f762c4f921db929271bfdc5e911b0d877bc30cd4695f9d6530337c02");
    }

    @Test
    void rekey_vector22_prkMatchesAndSpecLabelKeysMatchSessionLabels() {
        SecretBytes ikm = SecretBytes.copyOf(hex("d1".repeat(32) + "e2".repeat(32)));
        byte[] salt = hex("cc".repeat(32) + "dd".repeat(32));
        SecretBytes prk = SUITE.kdf().extract(salt, ikm);
        assertThat(key(prk)).isEqualTo("3e62694adf1c3ae0bf998d6c74498ba7148406359c374cbd6fa54f14ca2a2561"
                + "260c9bc3944c48204505f4ad8455958a616b2c5b9ba0eebe99ee6ad15eac9c23");
        // VEC §2.2 applies the session labels to the rekey PRK (semp-go uses SEMP-v1-rekey-* instead).
        assertThat(key(SUITE.kdf().expand(prk, "SEMP-v1-session-enc-c2s".getBytes(StandardCharsets.US_ASCII), 32)))
                .isEqualTo("b3b8093896f5ed916ebe6a55b6a0d3e0dc1bb6bf6e23f58a317f01135c4dead0");
        assertThat(key(SUITE.kdf().expand(prk, "SEMP-v1-session-mac-s2c".getBytes(StandardCharsets.US_ASCII), 32)))
                .isEqualTo("1f91269a2493c11eb02a61114b8debe7499a38e2cd0886ae3ee715383bac6ab6");
        // The document wraps this value as 33 + 31 hex digits; joined it is one 32-byte key.
        assertThat(key(SUITE.kdf().expand(prk, "SEMP-v1-session-env-mac".getBytes(StandardCharsets.US_ASCII), 32)))
                .isEqualTo("187cd04362c27d37f95c6cc4558935398" + "037a13f1c6015e23dbef97ba3aa8db3");
    }

    @Test
    void rekey_vector22Inputs_goLabelsGiveDigestKeys() {
        SecretBytes ikm = SecretBytes.copyOf(hex("d1".repeat(32) + "e2".repeat(32)));
        SessionKeys k = KeySchedule.rekey(SUITE, ikm, hex("cc".repeat(32)), hex("dd".repeat(32)));
        assertThat(key(k.encC2s())).startsWith("3db4538f8eb8bb87").endsWith("6af0");
        assertThat(key(k.encS2c())).startsWith("15c31900351d8c95").endsWith("4254");
        assertThat(key(k.macC2s())).startsWith("100e73b92a7e3194").endsWith("5cd8");
        assertThat(key(k.macS2c())).startsWith("04ea92df3fc2125c").endsWith("1ff7");
        assertThat(key(k.envMac())).startsWith("62393c36d9d5591d").endsWith("640f");
    }

    @Test
    void rekey_goTranscript_derivesGoNewSessionKeys() {
        JsonNode r = SharedFiles.goVectors("rekey.json");
        byte[] salt = hex(r.get("hkdf_salt_hex").asText());
        SecretBytes ss = SecretBytes.copyOf(hex(r.get("shared_secret_hex").asText()));
        SessionKeys k = KeySchedule.rekey(CryptoSuite.of(SuiteId.X25519_CHACHA20_POLY1305), ss,
                java.util.Arrays.copyOf(salt, 32), java.util.Arrays.copyOfRange(salt, 32, 64));
        JsonNode want = r.get("new_session_keys");
        assertThat(key(k.encC2s())).isEqualTo(want.get("K_enc_c2s_hex").asText());
        assertThat(key(k.encS2c())).isEqualTo(want.get("K_enc_s2c_hex").asText());
        assertThat(key(k.macC2s())).isEqualTo(want.get("K_mac_c2s_hex").asText());
        assertThat(key(k.macS2c())).isEqualTo(want.get("K_mac_s2c_hex").asText());
        assertThat(key(k.envMac())).isEqualTo(want.get("K_env_mac_hex").asText());
        assertThat(key(SUITE.kdf().extract(salt, ss))).isEqualTo(r.get("hkdf_prk_hex").asText());
    }

    @Test
    void rekey_goTranscript_responderSecretsGiveSharedSecret() throws Exception {
        JsonNode r = SharedFiles.goVectors("rekey.json");
        KemPrivateKey initiator = X25519Kem.INSTANCE.importPrivateKey(hex(r.get("initiator_ephemeral_private").get("x25519_private_hex").asText()));
        byte[] respEph = hex(r.get("responder_encapsulation_secrets").get("x25519_ephemeral_private_hex").asText());
        KemEncapsulation e = X25519Kem.INSTANCE.encapsulate(initiator.publicKey(), out -> System.arraycopy(respEph, 0, out, 0, 32));
        assertThat(key(e.sharedSecret())).isEqualTo(r.get("shared_secret_hex").asText());
        assertThat(key(initiator.decapsulate(e.ciphertext()))).isEqualTo(r.get("shared_secret_hex").asText());
    }

    @Test
    void session_goHandshakeTranscripts_deriveGoSessionKeys() {
        for (JsonNode t : SharedFiles.goVectors("handshake-client.json").get("transcripts")) {
            JsonNode kd = t.get("key_derivation");
            CryptoSuite suite = CryptoSuite.lookup(t.get("suite").asText()).orElseThrow();
            SessionKeys k = KeySchedule.session(suite, SecretBytes.copyOf(hex(kd.get("ikm_shared_secret_hex").asText())),
                    hex(t.get("client_nonce_hex").asText()), hex(t.get("server_nonce_hex").asText()));
            JsonNode want = t.get("session_keys");
            assertThat(key(k.encC2s())).isEqualTo(want.get("K_enc_c2s_hex").asText());
            assertThat(key(k.envMac())).isEqualTo(want.get("K_env_mac_hex").asText());
            assertThat(key(k.macS2c())).isEqualTo(want.get("K_mac_s2c_hex").asText());
        }
    }

    @Test
    void destroy_sessionKeys_zeroesEveryKey() {
        SessionKeys k = KeySchedule.session(SUITE, SecretBytes.copyOf(new byte[64]), new byte[32], new byte[32]);
        k.destroy();
        assertThat(k.encC2s().isDestroyed() && k.encS2c().isDestroyed() && k.macC2s().isDestroyed()
                && k.macS2c().isDestroyed() && k.envMac().isDestroyed()).isTrue();
        assertThat(k.toString()).doesNotContain("0");
    }
}
