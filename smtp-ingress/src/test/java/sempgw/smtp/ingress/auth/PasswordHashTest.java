package sempgw.smtp.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

final class PasswordHashTest {

    @Test
    void create_thenMatches_acceptsOnlyTheRightPassword() {
        String encoded = PasswordHash.create("s3cret".toCharArray(), 1000, new SecureRandom());
        PasswordHash hash = PasswordHash.parse(encoded);

        assertThat(encoded).matches("\\$pbkdf2-sha256\\$i=1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hash.matches("s3cret".toCharArray())).isTrue();
        assertThat(hash.matches("s3creT".toCharArray())).isFalse();
        assertThat(hash.matches(new char[0])).isFalse();
        assertThat(hash.toString()).doesNotContain(encoded.substring(encoded.lastIndexOf('$') + 1));
    }

    @Test
    void create_twice_usesDifferentSalts() {
        SecureRandom r = new SecureRandom();

        assertThat(PasswordHash.create("a".toCharArray(), 1000, r)).isNotEqualTo(PasswordHash.create("a".toCharArray(), 1000, r));
    }

    @Test
    void matches_rfc7914Vector_agreesWithPbkdf2HmacSha256() {
        // RFC 7914 §11: P="passwd", S="salt", c=1; DK starts 55 ac 04 6e 56 e3 08 9f ... (its first 32 octets here).
        PasswordHash hash = PasswordHash.parse("$pbkdf2-sha256$i=1$c2FsdA$VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw");

        assertThat(hash.matches("passwd".toCharArray())).isTrue();
    }

    @Test
    void parse_malformed_isRejected() {
        assertThatThrownBy(() -> PasswordHash.parse("{SSHA}abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse("$pbkdf2-sha256$i=x$c2FsdA$AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse("$pbkdf2-sha256$i=1000$c2FsdA$AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.create(new char[0], 1000, new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    }
}
