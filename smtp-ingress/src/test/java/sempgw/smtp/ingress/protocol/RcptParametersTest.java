package sempgw.smtp.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Recipient.Notify;

final class RcptParametersTest {

    private static RcptRequest.Accepted accepted(String argument) {
        RcptRequest r = RcptParameters.parse(argument, false, Optional.of("example.org"));
        assertThat(r).isInstanceOf(RcptRequest.Accepted.class);
        return (RcptRequest.Accepted) r;
    }

    @Test
    void parse_notifyAndOrcpt_mapOntoRecipient() {
        RcptRequest.Accepted a = accepted("TO:<r@x.example> NOTIFY=failure,Delay ORCPT=rfc822;r+2Bx@x.example");

        assertThat(a.recipient()).isEqualTo(new Recipient("r@x.example", Set.of(Notify.FAILURE, Notify.DELAY),
                Optional.of("rfc822;r+x@x.example")));
        assertThat(a.mailbox().domainKey()).isEqualTo("x.example");
    }

    @Test
    void parse_notifyNeverAlone_isAccepted() {
        assertThat(accepted("TO:<r@x.example> NOTIFY=NEVER").recipient().notifyOn()).containsExactly(Notify.NEVER);
    }

    @Test
    void parse_bracketedPostmaster_goesToThePostmasterDomain() {
        assertThat(accepted("TO:<postMaster>").recipient().address()).isEqualTo("postmaster@example.org");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TO:<r@x.example> NOTIFY=NEVER,DELAY | 501 5.5.4",
        "TO:<r@x.example> NOTIFY=SOMETIMES   | 501 5.5.4",
        "TO:<r@x.example> NOTIFY=            | 501 5.5.4",
        "TO:<r@x.example> ORCPT=r@x.example  | 501 5.5.4",
        "TO:<r@x.example> ORCPT=;r@x.example | 501 5.5.4",
        "TO:<r@x.example> SIZE=10            | 555 5.5.4",
        "TO:<>                               | 501 5.1.3",
        "TO:<r>                              | 501 5.1.3",
        "TO:<jörg@x.example>                 | 553 5.6.7",
        "FROM:<r@x.example>                  | 501 5.5.4",
    })
    void parse_badArgument_isRefusedWithItsCode(String argument, String reply) {
        RcptRequest r = RcptParameters.parse(argument.strip(), false, Optional.empty());

        assertThat(r).isInstanceOfSatisfying(RcptRequest.Refused.class, f -> assertThat(f.reply().line()).startsWith(reply.strip()));
    }

    @Test
    void parse_nonAsciiInSmtpUtf8Transaction_isAccepted() {
        RcptRequest r = RcptParameters.parse("TO:<jörg@bücher.example> ORCPT=utf-8;jörg@bücher.example", true, Optional.empty());

        assertThat(r).isInstanceOfSatisfying(RcptRequest.Accepted.class,
                a -> assertThat(a.recipient().orcpt()).contains("utf-8;jörg@bücher.example"));
    }
}
