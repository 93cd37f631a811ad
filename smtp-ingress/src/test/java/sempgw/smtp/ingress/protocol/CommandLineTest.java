package sempgw.smtp.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class CommandLineTest {
    private static final Set<String> VERBS = Set.of("NOOP", "MAIL", "AUTH");

    private static CommandLine check(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return CommandLine.check(b, b.length, VERBS);
    }

    private static SmtpReply refused(String line) {
        return ((CommandLine.Invalid) check(line)).reply();
    }

    @Test
    void check_wellFormedLine_isValid() {
        assertThat(check("noop hello\r\n")).isEqualTo(new CommandLine.Valid("noop hello"));
        assertThat(check("MAIL FROM:<j\u00c3\u00b6rg@x>\r\n")).isEqualTo(new CommandLine.Valid("MAIL FROM:<jörg@x>"));
    }

    @Test
    void check_lineEndings_crlfOrABareLfAtTheEnd_noOtherCrOrLf() {
        assertThat(check("NOOP\n")).isEqualTo(new CommandLine.Valid("NOOP"));
        assertThat(check("MAIL FROM:<a@x>\n")).isEqualTo(new CommandLine.Valid("MAIL FROM:<a@x>"));
        assertThat(refused("NO\rOP\r\n")).isEqualTo(Replies.BARE_CR_IN_COMMAND);
        assertThat(refused("NO\rOP\n")).isEqualTo(Replies.BARE_CR_IN_COMMAND);
        assertThat(refused("NOOP\r\r\n")).isEqualTo(Replies.BARE_CR_IN_COMMAND);
    }

    @Test
    void check_nulAndBadUtf8_areRefused() {
        assertThat(refused("NOOP \0\r\n")).isEqualTo(Replies.NUL_IN_COMMAND);
        assertThat(refused("NOOP \u00ff\r\n")).isEqualTo(Replies.BAD_UTF8);
    }

    @Test
    void check_unknownVerb_isRefused() {
        assertThat(refused("TURN\r\n")).isEqualTo(Replies.UNKNOWN_COMMAND);
        assertThat(refused("\r\n")).isEqualTo(Replies.UNKNOWN_COMMAND);
        assertThat(refused(" NOOP\r\n")).isEqualTo(Replies.UNKNOWN_COMMAND);
    }

    @Test
    void check_lengthLimit_is512ExceptForMailRcptAndAuth() {
        assertThat(check("NOOP " + "x".repeat(505) + "\r\n")).isInstanceOf(CommandLine.Valid.class);
        assertThat(refused("NOOP " + "x".repeat(506) + "\r\n")).isEqualTo(Replies.LINE_TOO_LONG);
        assertThat(check("AUTH " + "x".repeat(991) + "\r\n")).isInstanceOf(CommandLine.Valid.class);
        assertThat(refused("MAIL " + "x".repeat(992) + "\r\n")).isEqualTo(Replies.LINE_TOO_LONG);
    }
}
