package sempgw.smtp.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PasswordFileAuthenticatorTest {
    @TempDir
    Path dir;

    private Path users(String... lines) throws IOException {
        return Files.writeString(dir.resolve("users"), String.join("\n", lines) + "\n");
    }

    private static String hash(String password) {
        return PasswordHash.create(password.toCharArray(), 1000, new SecureRandom());
    }

    @Test
    void authenticate_knownUser_checksThePassword() throws IOException {
        PasswordFileAuthenticator auth = PasswordFileAuthenticator.load(users("# relay users", "mta:" + hash("pw one"), ""));

        assertThat(auth.authenticate("mta", "pw one".toCharArray())).isTrue();
        assertThat(auth.authenticate("mta", "pw two".toCharArray())).isFalse();
        assertThat(auth.authenticate("MTA", "pw one".toCharArray())).isFalse();
        assertThat(auth.authenticate("nobody", "pw one".toCharArray())).isFalse();
    }

    @Test
    void reload_replacesTheUsers() throws IOException {
        Path file = users("a:" + hash("x"));
        PasswordFileAuthenticator auth = PasswordFileAuthenticator.load(file);
        Files.writeString(file, "b:" + hash("y") + "\n");

        assertThat(auth.reload()).isEqualTo(1);
        assertThat(auth.authenticate("a", "x".toCharArray())).isFalse();
        assertThat(auth.authenticate("b", "y".toCharArray())).isTrue();
    }

    @Test
    void load_malformedLine_namesTheLine() throws IOException {
        Path file = users("a:" + hash("x"), "b:plaintext");

        assertThatThrownBy(() -> PasswordFileAuthenticator.load(file)).isInstanceOf(IOException.class).hasMessageContaining(":2:");
    }
}
