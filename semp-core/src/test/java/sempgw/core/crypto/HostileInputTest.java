package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random peer bytes reach keys, KEMs and unwrap as typed failures only, never unchecked exceptions. */
final class HostileInputTest {
    private final Random random = new Random(7);

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Test
    void unwrap_randomEntriesOfManyLengths_failWithCryptoException() throws Exception {
        for (SuiteId id : SuiteId.values()) {
            Kem kem = CryptoSuite.of(id).kem();
            KemPrivateKey key = kem.generate(RandomSource.secure());
            int real = KeyWrap.wrappedLength(kem, 32);
            for (int len : new int[] {0, 1, 31, 32, 47, 48, real - 1, real, real + 1, 2 * real}) {
                for (int i = 0; i < 5; i++) {
                    byte[] entry = bytes(len);
                    try {
                        KeyWrap.unwrap(key, entry);
                        throw new AssertionError("random entry unwrapped");
                    } catch (CryptoException expected) {
                        assertThat(expected.kind()).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void encapsulate_randomPublicKeys_succeedOrFailTyped() {
        for (SuiteId id : SuiteId.values()) {
            Kem kem = CryptoSuite.of(id).kem();
            for (int i = 0; i < 20; i++) {
                try {
                    KemEncapsulation e = kem.encapsulate(bytes(kem.publicKeyLength()), RandomSource.secure());
                    assertThat(e.ciphertext()).hasSize(kem.ciphertextLength());
                } catch (CryptoException expected) {
                    assertThat(expected.kind()).isEqualTo(CryptoException.Kind.INVALID_KEY);
                }
            }
        }
    }

    @Test
    void ed25519_randomKeysAndSignatures_neverThrowUnchecked() {
        byte[] msg = bytes(100);
        for (int i = 0; i < 200; i++) {
            try {
                Ed25519PublicKey k = Ed25519PublicKey.of(bytes(32));
                assertThat(k.verify(SignatureContext.ENVELOPE, msg, bytes(64))).isFalse();
            } catch (CryptoException expected) {
                assertThat(expected.kind()).isEqualTo(CryptoException.Kind.INVALID_KEY);
            }
        }
    }
}
