package sempgw.smtp.ingress.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.smtp.ingress.protocol.Mailbox;

final class SenderLoginPolicyTest {
    private final SenderLoginPolicy policy = new SenderLoginPolicy(new SenderLogins(Map.of(
            "alice@ex.example", Set.of("sales@ex.example"),
            "mta", Set.of("@corp.example", SenderLogins.ownerKey(Mailbox.parse("Relay@Ex.Example").orElseThrow())))));

    private SenderDecision decide(String login, String sender) {
        return policy.decide(Optional.of(login), sender);
    }

    @Test
    void decide_unauthenticated_acceptsAnySender() {
        assertThat(policy.decide(Optional.empty(), "bob@ex.example")).isEqualTo(new SenderDecision.Accept("unauthenticated"));
    }

    @Test
    void decide_nullReversePath_isAcceptedAsPostfixDoes() {
        assertThat(decide("alice@ex.example", "")).isEqualTo(new SenderDecision.Accept("null-sender"));
        assertThat(decide("nobody", "")).isEqualTo(new SenderDecision.Accept("null-sender"));
    }

    @Test
    void decide_loginIsTheAddress_ignoringCaseAndTrailingDot() {
        assertThat(decide("alice@ex.example", "alice@ex.example")).isEqualTo(new SenderDecision.Accept("login"));
        assertThat(decide("alice@ex.example", "ALICE@Ex.Example.")).isEqualTo(new SenderDecision.Accept("login"));
        assertThat(decide("Alice@EX.example", "alice@ex.example")).isEqualTo(new SenderDecision.Accept("login"));
    }

    @Test
    void decide_mappedAddressOrDomain_isAccepted() {
        assertThat(decide("alice@ex.example", "Sales@ex.example")).isEqualTo(new SenderDecision.Accept("sender-logins"));
        assertThat(decide("mta", "anyone@CORP.example")).isEqualTo(new SenderDecision.Accept("sender-logins"));
        assertThat(decide("mta", "relay@ex.example")).isEqualTo(new SenderDecision.Accept("sender-logins"));
    }

    @Test
    void decide_addressNotOwned_isRefusedWith553() {
        assertThat(decide("alice@ex.example", "bob@ex.example")).isEqualTo(new SenderDecision.Refuse(
                sempgw.smtp.ingress.protocol.SmtpReply.of(553, "5.7.1",
                        "<bob@ex.example>: Sender address rejected: not owned by user alice@ex.example")));
        assertThat(decide("mta", "a@sub.corp.example")).isInstanceOf(SenderDecision.Refuse.class);
        assertThat(decide("bob@ex.example", "sales@ex.example")).isInstanceOf(SenderDecision.Refuse.class);
    }

    @Test
    void decide_loginsCompareExactly_asAuthDoes() {
        assertThat(decide("MTA", "anyone@corp.example")).isInstanceOf(SenderDecision.Refuse.class);
        assertThat(decide("alice@EX.example", "sales@ex.example")).isInstanceOf(SenderDecision.Refuse.class);
    }

    @Test
    void decide_nonAddressLoginWithoutEntries_ownsNothing() {
        SenderLoginPolicy none = new SenderLoginPolicy(SenderLogins.NONE);

        assertThat(none.decide(Optional.of("carol"), "carol@ex.example")).isInstanceOf(SenderDecision.Refuse.class);
        assertThat(none.decide(Optional.of("carol@ex.example"), "carol@ex.example")).isEqualTo(new SenderDecision.Accept("login"));
    }

    @Test
    void decide_refusal_echoesNoControlCharactersAndCutsLongLogins() {
        String login = "m\u0001" + "x".repeat(200);
        SenderDecision.Refuse refuse = (SenderDecision.Refuse) decide(login, "b\u0085b@ex.example");

        assertThat(refuse.reply().text()).isEqualTo("<b?b@ex.example>: Sender address rejected: not owned by user m?" + "x".repeat(62) + "...");
        assertThat(refuse.reply().line().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(510);
    }
}
