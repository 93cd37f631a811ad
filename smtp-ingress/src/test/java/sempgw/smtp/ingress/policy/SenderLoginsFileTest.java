package sempgw.smtp.ingress.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.smtp.ingress.protocol.Mailbox;

final class SenderLoginsFileTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("sender-logins"), String.join("\n", lines) + "\n");
    }

    private static Mailbox mailbox(String address) {
        return Mailbox.parse(address).orElseThrow();
    }

    @Test
    void load_wellFormedFile_grantsAddressesAndDomains() throws IOException {
        SenderLogins logins = SenderLoginsFile.load(file(
                "# login: address, address, @domain",
                "",
                "alice@example.org: info@example.org ,Sales@Example.ORG",
                "   mta :@Corp.Example, @[192.0.2.1]",
                "  # indented comment"));

        assertThat(logins.size()).isEqualTo(2);
        assertThat(logins.grants("alice@example.org", mailbox("INFO@example.org"))).isTrue();
        assertThat(logins.grants("alice@example.org", mailbox("sales@example.org."))).isTrue();
        assertThat(logins.grants("alice@example.org", mailbox("bob@example.org"))).isFalse();
        assertThat(logins.grants("mta", mailbox("anyone@corp.example"))).isTrue();
        assertThat(logins.grants("mta", mailbox("x@[192.0.2.1]"))).isTrue();
        assertThat(logins.grants("mta", mailbox("anyone@sub.corp.example"))).isFalse();
        assertThat(logins.grants("MTA", mailbox("anyone@corp.example"))).isFalse();
    }

    @Test
    void load_emptyFile_grantsNothing() throws IOException {
        SenderLogins logins = SenderLoginsFile.load(file("# nothing yet"));

        assertThat(logins.size()).isZero();
        assertThat(logins.grants("mta", mailbox("a@corp.example"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mta @corp.example                  | expected login: address",
        ": a@corp.example                   | expected login: address",
        "my login: a@corp.example           | white space",
        "mta:                               | no address after the colon",
        "mta: a@corp.example,,b@corp.example | empty entry",
        "mta: a@corp.example,               | empty entry",
        "mta: a@corp.example b@corp.example | not an address or @domain: a@corp.example b@corp.example",
        "mta: alice                         | not an address or @domain: alice",
        "mta: @                             | not an address or @domain: @",
        "mta: @a@corp.example               | not an address or @domain: @a@corp.example",
        "mta: @-bad-.example                | not an address or @domain: @-bad-.example",
        "mta: a..b@corp.example             | not an address or @domain: a..b@corp.example",
    })
    void load_malformedLine_namesFileLineAndReason(String line, String reason) throws IOException {
        Path file = file("# header", "ok: ok@corp.example", line.strip());

        assertThatThrownBy(() -> SenderLoginsFile.load(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ":3: ").hasMessageContaining(reason);
    }

    @Test
    void load_loginListedTwice_namesBothLines() throws IOException {
        Path file = file("mta: a@corp.example", "other: b@corp.example", "mta: c@corp.example");

        assertThatThrownBy(() -> SenderLoginsFile.load(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ":3: login mta is already listed on line 1");
    }

    @Test
    void load_missingFile_isAnIoException() {
        assertThatThrownBy(() -> SenderLoginsFile.load(dir.resolve("absent"))).isInstanceOf(IOException.class);
    }
}
