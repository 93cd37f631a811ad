package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The precedence of the class description, cell by cell. "-" means no rule of that kind applies. */
final class PolicyTablePrecedenceTest {

    private static final String SENDER = "alice@org.example";
    private static final String DOMAIN = "peer.example";

    @ParameterizedTest(name = "default={0} sender={1} recipient={2} author={3} -> {4}")
    @CsvSource({
            // no rule: the default
            "semp-preferred, -, -, false, semp-preferred",
            "semp-required, -, -, false, semp-required",
            "smtp-only, -, -, false, smtp-only",
            // one rule: that rule, even when weaker than the default
            "semp-required, smtp-only, -, false, smtp-only",
            "semp-required, -, semp-preferred, false, semp-preferred",
            "smtp-only, semp-required, -, false, semp-required",
            "smtp-only, -, semp-preferred, false, semp-preferred",
            // both rules: required wins over everything
            "semp-preferred, semp-required, smtp-only, false, semp-required",
            "semp-preferred, smtp-only, semp-required, false, semp-required",
            "semp-preferred, semp-required, semp-preferred, false, semp-required",
            "semp-preferred, semp-preferred, semp-required, false, semp-required",
            "semp-preferred, semp-required, semp-required, false, semp-required",
            // both rules, none required: smtp-only wins over preferred
            "semp-required, smtp-only, semp-preferred, false, smtp-only",
            "semp-required, semp-preferred, smtp-only, false, smtp-only",
            "semp-required, smtp-only, smtp-only, false, smtp-only",
            "semp-required, semp-preferred, semp-preferred, false, semp-preferred",
            // the author's SEMP-Require: yes beats every table
            "smtp-only, smtp-only, smtp-only, true, semp-required",
            "semp-preferred, -, -, true, semp-required",
            "smtp-only, semp-preferred, -, true, semp-required",
    })
    void modeFor_rulesAndOptIn_followThePrecedence(String defaultMode, String senderRule, String recipientRule,
                                                   boolean author, String expected) {
        PolicyTable.Builder builder = PolicyTable.builder(mode(defaultMode));
        if (!senderRule.equals("-")) {
            builder.sender(SENDER, mode(senderRule));
        }
        if (!recipientRule.equals("-")) {
            builder.recipientDomain(DOMAIN, mode(recipientRule));
        }

        assertThat(builder.build().modeFor(SENDER, DOMAIN, author)).isEqualTo(mode(expected));
    }

    private static DeliveryMode mode(String spelling) {
        return DeliveryMode.parse(spelling).orElseThrow();
    }
}
