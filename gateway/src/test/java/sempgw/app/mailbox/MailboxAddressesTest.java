package sempgw.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.envelope.InvalidAddressException;

final class MailboxAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "alice@example.org, alice@example.org",
            "Alice.Smith@Example.ORG, alice.smith@example.org",
            "' bob+tag@example.org ', bob+tag@example.org",
            "o'brien@example.org., o'brien@example.org",
            "JOSÉ@bücher.example, josé@xn--bcher-kva.example",
    })
    void parse_operatorOrSmtpSpelling_oneMailboxForm(String input, String expected) throws Exception {
        assertThat(MailboxAddresses.parse(input).toString()).isEqualTo(expected);
        assertThat(MailboxAddresses.lookupKey(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.org", "alice", "alice@", "\"al ice\"@example.org", "al(ice)@example.org", ".alice@example.org",
            "alice.@example.org", "al..ice@example.org", "al,ice@example.org", "al\\ice@example.org", "alice@exa mple.org"})
    void parse_notAnUnquotedMailbox_refused(String input) {
        assertThatThrownBy(() -> MailboxAddresses.parse(input)).isInstanceOf(InvalidAddressException.class);
        assertThat(MailboxAddresses.lookupKey(input)).isEmpty();
    }
}
