package sempgw.smtp.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sempgw.store.queue.Sender;

final class MailParametersTest {
    private static final long MAX = 1000;

    private static MailRequest.Accepted accepted(String argument) {
        MailRequest r = MailParameters.parse(argument, MAX);
        assertThat(r).isInstanceOf(MailRequest.Accepted.class);
        return (MailRequest.Accepted) r;
    }

    private static String refused(String argument) {
        MailRequest r = MailParameters.parse(argument, MAX);
        assertThat(r).isInstanceOf(MailRequest.Refused.class);
        return ((MailRequest.Refused) r).reply().line();
    }

    @Test
    void parse_plainAddress_givesSenderWithDefaults() {
        MailRequest.Accepted a = accepted("FROM:<a@b.example>");

        assertThat(a.sender()).isEqualTo(Sender.of("a@b.example"));
        assertThat(a.declaredSize()).isZero();
    }

    @Test
    void parse_allParameters_mapOntoSender() {
        MailRequest.Accepted a = accepted("from:<a@b.example> size=999 body=8bitmime smtputf8 ret=full envid=x+2By auth=u+40b.example");

        assertThat(a.sender()).isEqualTo(new Sender("a@b.example", Optional.of(Sender.DsnRet.FULL), Optional.of("x+y"),
                Sender.BodyType.EIGHT_BIT_MIME, true));
        assertThat(a.declaredSize()).isEqualTo(999);
    }

    @Test
    void parse_nullSenderAndLenientForms_areAccepted() {
        assertThat(accepted("FROM:<>").sender().isNull()).isTrue();
        assertThat(accepted("FROM: <a@b.example>").sender().reversePath()).isEqualTo("a@b.example");
        assertThat(accepted("FROM:a@b.example SIZE=1").sender().reversePath()).isEqualTo("a@b.example");
        assertThat(accepted("FROM:<@relay.example,@other.example:a@b.example>").sender().reversePath()).isEqualTo("a@b.example");
        assertThat(accepted("FROM:<\"odd > name\"@b.example>").sender().reversePath()).isEqualTo("\"odd > name\"@b.example");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FROM:<a@b.example> SIZE=1001                | 552 5.3.4",
        "FROM:<a@b.example> SIZE=99999999999999999999999 | 552 5.3.4",
        "FROM:<a@b.example> SIZE=12a                 | 501 5.5.4",
        "FROM:<a@b.example> SIZE                     | 501 5.5.4",
        "FROM:<a@b.example> BODY=BINARYMIME          | 555 5.5.4",
        "FROM:<a@b.example> BODY=8BIT                | 501 5.5.4",
        "FROM:<a@b.example> RET=ALL                  | 501 5.5.4",
        "FROM:<a@b.example> ENVID=a=b                | 501 5.5.4",
        "FROM:<a@b.example> ENVID=a+zz               | 501 5.5.4",
        "FROM:<a@b.example> SMTPUTF8=yes             | 501 5.5.4",
        "FROM:<a@b.example> RET=FULL RET=HDRS        | 501 5.5.4",
        "FROM:<a@b.example> X-UNKNOWN=1              | 555 5.5.4",
        "FROM:<a@b.example>SIZE=1                    | 501 5.5.4",
        "TO:<a@b.example>                            | 501 5.5.4",
        "FROM:<a@b.example                           | 501 5.5.4",
        "FROM:<a..b@b.example>                       | 501 5.1.7",
        "FROM:<a@-b.example>                         | 501 5.1.7",
        "FROM:<jörg@b.example>                       | 553 5.6.7",
    })
    void parse_badArgument_isRefusedWithItsCode(String argument, String reply) {
        assertThat(refused(argument.strip())).startsWith(reply.strip());
    }

    @Test
    void parse_envIdOver100Characters_isRefused() {
        assertThat(refused("FROM:<a@b.example> ENVID=" + "e".repeat(101))).startsWith("501 5.5.4");
        assertThat(accepted("FROM:<a@b.example> ENVID=" + "e".repeat(100)).sender().envId()).contains("e".repeat(100));
    }

    @Test
    void parse_nonAsciiWithSmtpUtf8_isAccepted() {
        assertThat(accepted("FROM:<jörg@bücher.example> SMTPUTF8").sender().reversePath()).isEqualTo("jörg@bücher.example");
    }
}
