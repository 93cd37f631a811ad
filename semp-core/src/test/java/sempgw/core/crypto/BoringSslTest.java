package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Provider;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BoringSSL loads where Conscrypt ships it, can be switched off, and its ChaCha20-Poly1305 gives
 * the JDK's bytes, so that choosing it changes speed and nothing else.
 */
final class BoringSslTest {

    @Test
    void loads_onLinuxX86AndArm() {
        String arch = System.getProperty("os.arch");
        boolean shipped = System.getProperty("os.name").equals("Linux") && List.of("amd64", "x86_64", "aarch64").contains(arch);
        assertThat(shipped).as("Conscrypt ships its native library for this platform (%s)", arch).isTrue();
        assertThat(BoringSsl.provider()).as("Conscrypt's native library loads").isPresent();
        assertThat(BoringSsl.name()).matches("BoringSSL \\(Conscrypt 2\\.[0-9.]+\\)");
    }

    @Test
    void property_false_keepsEverythingInJava_andOtherValuesAreRefused() {
        assertThat(BoringSsl.load("false")).isNull();
        assertThat(BoringSsl.load("true")).isNotNull();
        assertThatThrownBy(() -> BoringSsl.load("yes")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(BoringSsl.PROPERTY);
    }

    @Test
    void property_false_inAFreshJvm_leavesEveryPrimitiveInJava() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-D" + BoringSsl.PROPERTY + "=false", "-cp", System.getProperty("java.class.path"),
                PrintImplementations.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).matches("X25519 and Ed25519 verification by BouncyCastle \\(pure Java\\), ChaCha20-Poly1305 by the JDK, "
                + "ML-KEM-768 by (BouncyCastle|the JDK \\(vector intrinsics\\)), random bytes from the JDK's \\w+");
    }

    /** Prints {@link CryptoSuite#implementations()}, in the JVM the test above starts. */
    static final class PrintImplementations {
        public static void main(String[] args) {
            System.out.println(CryptoSuite.implementations());
        }
    }

    @Test
    void chacha20Poly1305_isBoringSsl_andPassesItsKnownAnswerCheck() {
        Provider p = BoringSsl.provider().orElseThrow();
        assertThat(ChaCha20Poly1305.agreesWithJdk(p)).isTrue();
        assertThat(ChaCha20Poly1305.implementation()).isEqualTo(BoringSsl.name());
        assertThat(CryptoSuite.implementations())
                .isEqualTo("X25519 and Ed25519 verification by " + BoringSsl.name() + ", ChaCha20-Poly1305 by " + BoringSsl.name()
                        + ", ML-KEM-768 by " + MlKem768.active().name() + ", random bytes from " + BoringSsl.name());
    }

    @Test
    void chacha20Poly1305_randomInputs_sameBytesAsTheJdk_andEachOpensTheOthers() throws Exception {
        Provider p = BoringSsl.provider().orElseThrow();
        Random r = new Random(8439);
        for (int i = 0; i < 60; i++) {
            byte[] key = bytes(r, 32);
            byte[] nonce = bytes(r, 12);
            byte[] aad = bytes(r, r.nextInt(3) == 0 ? 0 : r.nextInt(100));
            byte[] plaintext = bytes(r, i % 6 == 0 ? r.nextInt(70_000) : r.nextInt(600));
            byte[] fromJdk = ChaCha20Poly1305.seal(null, key, nonce, aad, plaintext);
            assertThat(ChaCha20Poly1305.seal(p, key, nonce, aad, plaintext)).isEqualTo(fromJdk);
            SecretBytes k = SecretBytes.copyOf(key);
            assertThat(ChaCha20Poly1305.INSTANCE.open(k, nonce, fromJdk, aad)).isEqualTo(plaintext);
            assertThat(ChaCha20Poly1305.INSTANCE.seal(k, nonce, plaintext, aad)).isEqualTo(fromJdk);
        }
    }

    @Test
    void chacha20Poly1305_anyFlippedBit_isRefusedAsAuthenticationFailure() {
        Random r = new Random(1);
        SecretBytes key = SecretBytes.copyOf(bytes(r, 32));
        byte[] nonce = bytes(r, 12);
        byte[] aad = {1, 2, 3};
        byte[] sealed = ChaCha20Poly1305.INSTANCE.seal(key, nonce, bytes(r, 40), aad);
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] bad = sealed.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> ChaCha20Poly1305.INSTANCE.open(key, nonce, bad, aad))
                    .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.AUTHENTICATION_FAILED));
        }
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
