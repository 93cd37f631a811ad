package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import javax.security.auth.Destroyable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.testing.SharedFiles;

/**
 * Both ML-KEM-768 implementations, whichever this machine runs: each gives semp-go's round-3
 * Kyber768 bytes (kem.json) under {@link Kyber768Round3}'s derivation, and their keys can be destroyed.
 */
final class MlKem768Test {
    private static final JsonNode V = SharedFiles.goVectors("kem.json");

    static Stream<MlKem768> implementations() {
        return Stream.of(BcMlKem768.INSTANCE, JdkMlKem768.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void kyberRound3Vectors_eachImplementation_sameCiphertextsAndSecretsAsSempGo(MlKem768 impl) throws Exception {
        for (JsonNode c : V.get("kyber768_round3")) {
            byte[] sk = b64(c.get("private_key_b64").asText());
            byte[] pk = b64(c.get("public_key_b64").asText());
            byte[] ct = b64(c.get("ciphertext_b64").asText());
            String shared = c.get("shared_secret_hex").asText();

            byte[][] ck = impl.encapsulate(pk, Digests.sha3_256(hex(c.get("encapsulation_seed_hex").asText())));
            assertThat(ck[0]).isEqualTo(ct);
            assertThat(hex(Kyber768Round3.round3SharedSecret(ck[1], ck[0]))).isEqualTo(shared);
            assertThat(hex(Kyber768Round3.round3SharedSecret(impl.decapsulate(impl.prepare(sk), ct), ct))).isEqualTo(shared);
        }
    }

    @Test
    void jdkAndBouncyCastle_agreeOnAKnownAnswer() throws Exception {
        assertThat(MlKem768.Chosen.agrees(JdkMlKem768.INSTANCE, BcMlKem768.INSTANCE)).isTrue();
        assertThat(MlKem768.active().name()).isIn("BouncyCastle", "the JDK (vector intrinsics)");
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void preparedKey_destroyedWithItsKemPrivateKey(MlKem768 impl) throws Exception {
        byte[][] keys = Kyber768Round3.generate(out -> java.util.Arrays.fill(out, (byte) 3));
        Object prepared = impl.prepare(keys[1]);
        KemPrivateKey key = new KemPrivateKey(HybridKem.INSTANCE, SecretBytes.copyOf(new byte[2432]), new byte[1216], prepared);

        key.destroy();

        assertThat(((Destroyable) prepared).isDestroyed()).isTrue();
    }
}
