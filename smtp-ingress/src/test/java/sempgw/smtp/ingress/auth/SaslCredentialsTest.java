package sempgw.smtp.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

final class SaslCredentialsTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plain_withAndWithoutAuthzid_decodes() {
        SaslCredentials c = SaslCredentials.plain(b64("\0tim\0tanstaaftanstaaf")).orElseThrow();

        assertThat(c.username()).isEqualTo("tim");
        assertThat(c.password()).containsExactly("tanstaaftanstaaf".toCharArray());
        assertThat(SaslCredentials.plain(b64("tim\0tim\0pw"))).isPresent();
        assertThat(c.toString()).doesNotContain("tanstaaf");
    }

    @Test
    void plain_malformedOrProxy_isEmpty() {
        assertThat(SaslCredentials.plain("not base64!")).isEmpty();
        assertThat(SaslCredentials.plain(b64("timpw"))).isEmpty();
        assertThat(SaslCredentials.plain(b64("\0timpw"))).isEmpty();
        assertThat(SaslCredentials.plain(b64("\0\0pw"))).isEmpty();
        assertThat(SaslCredentials.plain(b64("admin\0tim\0pw"))).isEmpty();
    }

    @Test
    void login_twoResponses_decode() {
        SaslCredentials c = SaslCredentials.login(b64("jörg"), b64("pässword")).orElseThrow();

        assertThat(c.username()).isEqualTo("jörg");
        assertThat(new String(c.password())).isEqualTo("pässword");
    }

    @Test
    void erase_zeroesThePassword() {
        SaslCredentials c = SaslCredentials.plain(b64("\0u\0secret")).orElseThrow();
        c.erase();

        assertThat(c.password()).containsOnly('\0');
    }
}
