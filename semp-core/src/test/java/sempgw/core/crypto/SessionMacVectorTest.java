package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonParser;
import sempgw.core.testing.SharedFiles;

/** VECTORS.md §6.1: HMAC-SHA-256 under §2.1's K_env_mac over §3.1's canonical bytes. */
final class SessionMacVectorTest {

    @Test
    void mac_specCanonicalEnvelope_equalsVector() throws Exception {
        String spec = SharedFiles.spec("VECTORS.md");
        int s31 = spec.indexOf("### 3.1 Vector: Minimal Envelope");
        int in = spec.indexOf("```json\n", s31) + 8;
        String input = spec.substring(in, spec.indexOf("\n```", in));
        Elision seal = Elision.builder().blank("seal", "signature").blank("seal", "session_mac")
                .delete("postmark", "hop_count").delete("padding").build();
        byte[] canonical = CanonicalJson.encode(JsonParser.parse(input.getBytes(StandardCharsets.UTF_8)), seal);

        SecretBytes envMac = SecretBytes.copyOf(SharedFiles.hex("32925224f762c4f921db929271bfdc5e911b0d877bc30cd4695f9d6530337c02"));
        byte[] tag = HmacSha256.INSTANCE.compute(envMac, canonical);

        assertThat(SharedFiles.hex(tag)).isEqualTo("b59371cec75f07a5b40444ffc46049b1fa9c6673e1072903ff821ab4506c9bfe");
        assertThat(Base64.getEncoder().encodeToString(tag)).isEqualTo("tZNxzsdfB6W0BET/xGBJsfqcZnPhBykD/4IatFBsm/4=");
        assertThat(HmacSha256.INSTANCE.verify(envMac, canonical, tag)).isTrue();
        tag[0] ^= 1;
        assertThat(HmacSha256.INSTANCE.verify(envMac, canonical, tag)).isFalse();
    }
}
