package sempgw.smtp.egress.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class XTextTest {

    @Test
    void encode_plusEqualsSpaceAndControls_hexEscaped() {
        assertThat(XText.encode("a+b=c d\u0001")).isEqualTo("a+2Bb+3Dc+20d+01");
        assertThat(XText.encode("bob@example.org")).isEqualTo("bob@example.org");
    }

    @Test
    void encode_nonAscii_utf8OctetsEscaped() {
        assertThat(XText.encode("\u00e9")).isEqualTo("+C3+A9");
    }

    @Test
    void utf8AddrForms_rfc6533() {
        assertThat(XText.utf8AddrXtext("j\u00f6rg+x@b\u00fccher.example")).isEqualTo("j\\x{F6}rg\\x{2B}x@b\\x{FC}cher.example");
        assertThat(XText.utf8AddrUnitext("j\u00f6rg+x@b\u00fccher.example")).isEqualTo("j\u00f6rg\\x{2B}x@b\u00fccher.example");
        assertThat(XText.utf8AddrXtext("a\\b=c")).isEqualTo("a\\x{5C}b\\x{3D}c");
    }
}
