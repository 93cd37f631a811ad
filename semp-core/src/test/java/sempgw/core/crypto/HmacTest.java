package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@link Hmac} against RFC 4231's vectors and the JDK's own HMAC, for keys shorter than, equal to and longer than a block. */
final class HmacTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sha256AndSha512_rfc4231TestCase2() {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        assertThat(HEX.formatHex(Hmac.sha256(key, data, 0, data.length)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(HEX.formatHex(Hmac.sha512(key, d -> d.update(data)))).isEqualTo(
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    }

    @Test
    void sha256AndSha512_rfc4231TestCase6_keyLongerThanTheBlock() {
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        byte[] data = "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII);

        assertThat(HEX.formatHex(Hmac.sha256(key, data, 0, data.length)))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        assertThat(HEX.formatHex(Hmac.sha512(key, d -> d.update(data)))).isEqualTo(
                "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
        assertThat(key).containsOnly((byte) 0xaa);
    }

    @Test
    void sha256AndSha512_everyKeyLengthUpToTwoBlocks_matchTheJdk() throws Exception {
        Random random = new Random(4231);
        for (int length = 1; length <= 256; length++) {
            byte[] key = new byte[length];
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(key);
            random.nextBytes(data);

            assertThat(Hmac.sha256(key, data, 0, data.length)).as("key of %d", length).isEqualTo(jdk("HmacSHA256", key, data));
            assertThat(Hmac.sha512(key, d -> d.update(data))).as("key of %d", length).isEqualTo(jdk("HmacSHA512", key, data));
        }
    }

    @Test
    void sha256_ofASlice_isTheHmacOfThoseBytes() throws Exception {
        byte[] key = new byte[32];
        byte[] data = "..payload..".getBytes(StandardCharsets.US_ASCII);

        assertThat(Hmac.sha256(key, data, 2, 7)).isEqualTo(jdk("HmacSHA256", key, "payload".getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] jdk(String algorithm, byte[] key, byte[] data) throws Exception {
        Mac m = Mac.getInstance(algorithm);
        m.init(new SecretKeySpec(key, algorithm));
        return m.doFinal(data);
    }
}
