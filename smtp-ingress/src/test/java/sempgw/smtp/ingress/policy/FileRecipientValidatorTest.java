package sempgw.smtp.ingress.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileRecipientValidatorTest {
    @TempDir
    Path dir;

    @Test
    void exists_addressesAndCatchAllDomains_matchIgnoringCase() throws IOException {
        Path file = Files.writeString(dir.resolve("rcpt"), "# users\nAlice@Example.org\n\n  @catchall.example  \n");
        FileRecipientValidator v = FileRecipientValidator.load(file);

        assertThat(v.exists("alice@example.org")).isTrue();
        assertThat(v.exists("ALICE@EXAMPLE.ORG")).isTrue();
        assertThat(v.exists("bob@example.org")).isFalse();
        assertThat(v.exists("anyone@catchall.example")).isTrue();
    }

    @Test
    void reload_changedFile_swapsTheSet() throws IOException {
        Path file = Files.writeString(dir.resolve("rcpt"), "alice@example.org\n");
        FileRecipientValidator v = FileRecipientValidator.load(file);
        Files.writeString(file, "bob@example.org\n");

        assertThat(v.reload()).isEqualTo(1);
        assertThat(v.exists("alice@example.org")).isFalse();
        assertThat(v.exists("bob@example.org")).isTrue();
    }

    @Test
    void reload_brokenFile_keepsThePreviousSet() throws IOException {
        Path file = Files.writeString(dir.resolve("rcpt"), "alice@example.org\n");
        FileRecipientValidator v = FileRecipientValidator.load(file);
        Files.writeString(file, "not an address\n");

        assertThatThrownBy(v::reload).isInstanceOf(IOException.class);
        assertThat(v.exists("alice@example.org")).isTrue();
    }
}
