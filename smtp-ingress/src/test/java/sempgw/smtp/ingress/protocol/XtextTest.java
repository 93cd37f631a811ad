package sempgw.smtp.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class XtextTest {

    @Test
    void decode_hexchars_becomeTheirOctets() {
        assertThat(Xtext.decode("a+2Bb+3Dc+20", false)).contains("a+b=c ");
    }

    @Test
    void decode_malformed_isEmpty() {
        assertThat(Xtext.decode("a+2", false)).isEmpty();
        assertThat(Xtext.decode("a+2b", false)).isEmpty();
        assertThat(Xtext.decode("a=b", false)).isEmpty();
        assertThat(Xtext.decode("a b", false)).isEmpty();
        assertThat(Xtext.decode("ü", false)).isEmpty();
        assertThat(Xtext.decode("+FF", false)).isEmpty();
    }

    @Test
    void decode_utf8WhenAllowed_keepsIt() {
        assertThat(Xtext.decode("jörg+40x", true)).contains("jörg@x");
        assertThat(Xtext.decode("+C3+A9", false)).contains("é");
    }
}
