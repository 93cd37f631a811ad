package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.SempReason;

final class OutcomesTest {

    /** RFC 5321 §4.3.2: the replies a server may give at the end of DATA, besides 250. */
    private static final Set<Integer> END_OF_DATA_FAILURES = Set.of(450, 451, 452, 550, 552, 554);

    @ParameterizedTest
    @EnumSource(SempReason.class)
    void of_everyRegistryCode_hasARowWithTheRegistryRetryClass(SempReason reason) {
        Outcome row = Outcomes.of(reason);

        assertThat(row.code()).isEqualTo(reason.code());
        assertThat(row.terminal()).isEqualTo(!reason.recoverable());
        assertThat(Outcomes.lookup(reason.code())).isSameAs(row);
        assertThat(Outcomes.table()).contains(row);
    }

    @ParameterizedTest
    @EnumSource(LocalOutcome.class)
    void of_everyLocalOutcome_hasARowWhoseNameIsNoRegistryCode(LocalOutcome outcome) {
        Outcome row = Outcomes.of(outcome);

        assertThat(row.code()).isEqualTo(outcome.code());
        assertThat(SempReason.parse(outcome.code())).isEqualTo(SempReason.UNKNOWN);
        assertThat(Outcomes.table()).contains(row);
    }

    @Test
    void table_hasOneRowPerCodeAndNothingElse() {
        assertThat(Outcomes.table()).hasSize(SempReason.values().length + LocalOutcome.values().length);
        assertThat(Outcomes.table()).extracting(Outcome::code).doesNotHaveDuplicates();
        assertThat(Outcomes.table().getLast().code()).isEqualTo("unknown");
    }

    @Test
    void table_everyRow_usesAnEndOfDataReplyWhoseClassMatchesRetryAndDsn() {
        for (Outcome row : Outcomes.table()) {
            assertThat(END_OF_DATA_FAILURES).as(row.code()).contains(row.reply().code());
            int expectedClass = row.terminal() ? 5 : 4;
            assertThat(row.reply().replyClass()).as(row.code()).isEqualTo(expectedClass);
            assertThat(row.reply().enhanced()).as(row.code()).startsWith(expectedClass + ".");
            assertThat(row.dsnStatus()).as(row.code()).isEqualTo(row.reply().enhanced());
            assertThat(row.dsnAction()).as(row.code()).isEqualTo(row.terminal() ? DsnAction.FAILED : DsnAction.DELAYED);
            assertThat(row.reply().text()).as(row.code()).isEqualTo("semp; " + row.code() + ": " + row.meaning());
            assertThat(row.meaning()).as(row.code()).isNotBlank().doesNotContain("|");
        }
    }

    @Test
    void lookup_silentAndTimeout_areTemporaryNeverSuccess() {
        assertThat(Outcomes.lookup("silent").retry()).isEqualTo(RetryClass.TEMPORARY);
        assertThat(Outcomes.lookup("silent").reply().replyClass()).isEqualTo(4);
        assertThat(Outcomes.lookup("timeout").retry()).isEqualTo(RetryClass.TEMPORARY);
        assertThat(Outcomes.lookup("internal").retry()).isEqualTo(RetryClass.TEMPORARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Blocked", "BLOCKED", "quota_exceeded", "vendor.example/new-code", "delivered", "", "unknown"})
    void lookup_codeNotInTheTable_isTerminalUnknown(String code) {
        Outcome row = Outcomes.lookup(code);

        assertThat(row.code()).isEqualTo("unknown");
        assertThat(row.terminal()).isTrue();
        assertThat(row.reply().toString()).startsWith("554 5.0.0 ");
    }

    @Test
    void reply_registeredCode_namesItWithThePeersReason() {
        assertThat(Outcomes.reply("blocked", "sender blocked by recipient").toString())
                .isEqualTo("550 5.7.1 semp; blocked: sender blocked by recipient");
        assertThat(Outcomes.reply("rate_limited", "slow down").toString()).isEqualTo("450 4.7.0 semp; rate_limited: slow down");
    }

    @Test
    void reply_emptyOrNullReason_usesTheMeaning() {
        Outcome row = Outcomes.of(SempReason.SEAL_INVALID);

        assertThat(Outcomes.reply("seal_invalid", " \r\n")).isEqualTo(row.reply());
        assertThat(Outcomes.reply("seal_invalid", null)).isEqualTo(row.reply());
    }

    @Test
    void reply_hostileReason_isSanitisedAndBounded() {
        SmtpStatus status = Outcomes.reply("policy_forbidden", "no\r\n250 2.0.0 accepted\u0000" + "z".repeat(5000));

        assertThat(status.toString()).startsWith("550 5.7.1 semp; policy_forbidden: no 250 2.0.0 accepted?zz");
        assertThat(status.text()).doesNotContain("\r", "\n");
        assertThat(status.toString().length()).isLessThan(300);
    }

    @Test
    void reply_unknownCode_namesTheReceivedCodeSanitised() {
        assertThat(Outcomes.reply("vendor.example/new-code", "why").toString())
                .isEqualTo("554 5.0.0 semp; vendor.example/new-code: why");
        assertThat(Outcomes.reply("bad code\r\n", "why").toString()).isEqualTo("554 5.0.0 semp; bad?code??: why");
        assertThat(Outcomes.reply("", "why").toString()).isEqualTo("554 5.0.0 semp; unknown: why");
        assertThat(Outcomes.reply("c".repeat(500), "why").text()).hasSize("semp; ".length() + Outcomes.MAX_CODE + ": why".length());
    }

    /** Reads ERRORS.md §2-§5 itself, so a code the registry enum lacks cannot slip through as "unknown". */
    @Test
    void lookup_everyCodeInErrorsMdSections2To5_hasItsOwnRow() {
        String errors = RepoFiles.spec("ERRORS.md");
        String sections = errors.substring(errors.indexOf("## 2. Handshake Reason Codes"), errors.indexOf("## 6. Submission Status Values"));
        Matcher m = Pattern.compile("(?m)^\\|\\s*`([a-z_]+)`\\s*\\|").matcher(sections);
        Set<String> codes = new LinkedHashSet<>();
        while (m.find()) {
            codes.add(m.group(1));
        }

        assertThat(codes).hasSizeGreaterThan(25);
        for (String code : codes) {
            assertThat(Outcomes.lookup(code).code()).as(code).isEqualTo(code);
        }
    }
}
