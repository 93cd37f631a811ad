package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.testing.SharedFiles.hex;

import org.junit.jupiter.api.Test;

/** VECTORS.md §4.1 and §4.2. */
final class ProofOfWorkTest {
    private static final byte[] PREFIX = hex("4a8f2c1d3b5e7a9f0d6c8b4e2a1f3d5c");
    private static final String ID = "01JTEST22222222222222222222";

    @Test
    void hash_vector41_hasSixteenZeroBitsAndVerifies() {
        byte[] nonce = hex("000000000000adb7");
        byte[] h = ProofOfWork.hash(PREFIX, ID, nonce);
        assertThat(hex(h)).isEqualTo("0000cfa08ac13df837194fecda38add1267f3682fc7981cfab886d7c7c00caf4");
        assertThat(ProofOfWork.leadingZeroBits(h)).isEqualTo(16);
        assertThat(ProofOfWork.verify(PREFIX, ID, nonce, hex(h), 16)).isTrue();
        assertThat(ProofOfWork.verify(PREFIX, ID, nonce, hex(h).toUpperCase(java.util.Locale.ROOT), 16)).isTrue();
        assertThat(ProofOfWork.verify(PREFIX, ID, nonce, hex(h), 17)).isFalse();
    }

    @Test
    void hash_vector42_hasSevenZeroBitsAndFails() {
        byte[] nonce = hex("0000000000000001");
        byte[] h = ProofOfWork.hash(PREFIX, ID, nonce);
        assertThat(hex(h)).isEqualTo("011599577d9ecb9005422686c7635d32eb2b2f7f1c8b3972ff102b497f9ae7c6");
        assertThat(ProofOfWork.leadingZeroBits(h)).isEqualTo(7);
        assertThat(ProofOfWork.verify(PREFIX, ID, nonce, hex(h), 16)).isFalse();
    }

    @Test
    void verify_submittedHashOfAnotherNonce_fails() {
        byte[] good = ProofOfWork.hash(PREFIX, ID, hex("000000000000adb7"));
        assertThat(ProofOfWork.verify(PREFIX, ID, hex("000000000000adb8"), hex(good), 0)).isFalse();
        assertThat(ProofOfWork.verify(PREFIX, ID, hex("000000000000adb7"), "not hex", 0)).isFalse();
    }

    @Test
    void solve_difficulty16_findsVectorNonceFirst() {
        byte[] nonce = ProofOfWork.solve(PREFIX, ID, 16, 1 << 20).orElseThrow();
        assertThat(hex(nonce)).isEqualTo("000000000000adb7");
        assertThat(ProofOfWork.solve(PREFIX, ID, 16, 100)).isEmpty();
    }
}
