package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The system's generator is BoringSSL's where it loads, is the only source marked as the system's, and refuses broken generators. */
final class SystemRandomTest {

    @Test
    void secure_isBoringSsl_andTheOnlySystemSource() {
        assertThat(SystemRandom.INSTANCE.name()).isEqualTo(BoringSsl.name());
        assertThat(RandomSource.secure()).isSameAs(SystemRandom.INSTANCE);
        assertThat(RandomSource.secure().isSystem()).isTrue();
        assertThat(RandomSource.of(new SecureRandom()).isSystem()).isFalse();
        RandomSource scripted = out -> Arrays.fill(out, (byte) 7);
        assertThat(scripted.isSystem()).isFalse();
    }

    @Test
    void secure_drawsDistinctBytes_ofEveryLength() {
        Set<String> seen = new HashSet<>();
        for (int n : new int[] {12, 32, 4096, 70_000}) {
            for (int i = 0; i < 20; i++) {
                assertThat(seen.add(HexFormat.of().formatHex(RandomSource.secure().bytes(n))))
                        .as("a repeated draw of %d bytes", n).isTrue();
            }
        }
    }

    @Test
    void plausible_refusesAGeneratorThatRepeatsOrGivesZeros() {
        assertThat(SystemRandom.plausible(new SecureRandom())).isTrue();
        assertThat(SystemRandom.plausible(constant((byte) 0x5a))).isFalse();
        assertThat(SystemRandom.plausible(constant((byte) 0))).isFalse();
    }

    private static SecureRandom constant(byte value) {
        return new SecureRandom(new SecureRandomSpi() {
            @Override
            protected void engineSetSeed(byte[] seed) {
            }

            @Override
            protected void engineNextBytes(byte[] bytes) {
                Arrays.fill(bytes, value);
            }

            @Override
            protected byte[] engineGenerateSeed(int numBytes) {
                return new byte[numBytes];
            }
        }, null) {
        };
    }
}
