package sempgw.smtp.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class MailboxTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@b.example", "first.last+tag@sub.b.example", "\"quoted @ text\"@b.example",
        "a@[192.0.2.1]", "a@[IPv6:2001:db8::1]", "a@b.example.", "x!#$%&'*+/=?^_`{|}~-@b-c.example", "jörg@bücher.example"})
    void parse_validMailbox_isAccepted(String address) {
        assertThat(Mailbox.parse(address)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "@b.example", "a@", ".a@b.example", "a.@b.example", "a..b@b.example", "a b@b.example",
        "a@b..example", "a@-b.example", "a@b_c.example", "a@[300.1.1.1]", "a@[1.2.3]", "a@[IPv6:zz]", "\"unterminated@b.example",
        "a@b.example>"})
    void parse_invalidMailbox_isRefused(String address) {
        assertThat(Mailbox.parse(address)).isEmpty();
    }

    @Test
    void parse_overLengthLimits_isRefused() {
        assertThat(Mailbox.parse("a".repeat(64) + "@b.example")).isPresent();
        assertThat(Mailbox.parse("a".repeat(65) + "@b.example")).isEmpty();
        assertThat(Mailbox.parse("a@" + ("b".repeat(63) + ".").repeat(4) + "example")).isEmpty();
    }

    @Test
    void normalized_foldsOnlyTheDomain() {
        Mailbox m = Mailbox.parse("Alice@Example.ORG.").orElseThrow();

        assertThat(m.normalized()).isEqualTo("Alice@example.org");
        assertThat(m.domainKey()).isEqualTo("example.org");
    }
}
