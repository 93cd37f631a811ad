package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class PolicyTableMatchingTest {

    private static final DeliveryMode REQUIRED = DeliveryMode.SEMP_REQUIRED;
    private static final DeliveryMode PREFERRED = DeliveryMode.SEMP_PREFERRED;
    private static final DeliveryMode SMTP_ONLY = DeliveryMode.SMTP_ONLY;

    @Test
    void senderRule_addressAndDomainRules_addressWins() {
        PolicyTable table = PolicyTable.builder(PREFERRED)
                .sender("org.example", REQUIRED)
                .sender("newsletter@org.example", SMTP_ONLY)
                .build();

        assertThat(table.senderRule("newsletter@org.example")).contains(SMTP_ONLY);
        assertThat(table.senderRule("alice@org.example")).contains(REQUIRED);
        assertThat(table.senderRule("alice@other.example")).isEmpty();
    }

    @Test
    void senderRule_differentCase_matches() {
        PolicyTable table = PolicyTable.builder(PREFERRED).sender("Alice@Org.Example", REQUIRED).build();

        assertThat(table.senderRule("ALICE@ORG.EXAMPLE")).contains(REQUIRED);
        assertThat(table.senderRule("alice@org.example.")).contains(REQUIRED);
    }

    @Test
    void modeFor_nullSender_matchesNoSenderRule() {
        PolicyTable table = PolicyTable.builder(PREFERRED).sender("org.example", REQUIRED).build();

        assertThat(table.senderRule("")).isEmpty();
        assertThat(table.modeFor("", "peer.example", false)).isEqualTo(PREFERRED);
    }

    @Test
    void senderRule_addressWithoutDomain_matchesNoDomainRule() {
        PolicyTable table = PolicyTable.builder(PREFERRED).sender("postmaster", REQUIRED).build();

        assertThat(table.senderRule("postmaster")).isEmpty();
    }

    @Test
    void recipientRule_exactDomain_doesNotMatchSubdomains() {
        PolicyTable table = PolicyTable.builder(PREFERRED).recipientDomain("peer.example", REQUIRED).build();

        assertThat(table.recipientRule("peer.example")).contains(REQUIRED);
        assertThat(table.recipientRule("PEER.Example.")).contains(REQUIRED);
        assertThat(table.recipientRule("mx.peer.example")).isEmpty();
        assertThat(table.recipientRule("otherpeer.example")).isEmpty();
    }

    @Test
    void recipientRule_leadingDot_matchesSubdomainsOnly() {
        PolicyTable table = PolicyTable.builder(PREFERRED).recipientDomain(".peer.example", SMTP_ONLY).build();

        assertThat(table.recipientRule("a.peer.example")).contains(SMTP_ONLY);
        assertThat(table.recipientRule("b.a.peer.example")).contains(SMTP_ONLY);
        assertThat(table.recipientRule("peer.example")).isEmpty();
        assertThat(table.recipientRule("xpeer.example")).isEmpty();
    }

    @Test
    void recipientRule_exactAndSuffixes_mostSpecificWins() {
        PolicyTable table = PolicyTable.builder(PREFERRED)
                .recipientDomain(".example", SMTP_ONLY)
                .recipientDomain(".peer.example", REQUIRED)
                .recipientDomain("legacy.peer.example", PREFERRED)
                .build();

        assertThat(table.recipientRule("legacy.peer.example")).contains(PREFERRED);
        assertThat(table.recipientRule("mx.peer.example")).contains(REQUIRED);
        assertThat(table.recipientRule("peer.example")).contains(SMTP_ONLY);
        assertThat(table.recipientRule("example")).isEmpty();
    }

    @Test
    void of_noRules_givesTheDefaultForEveryone() {
        PolicyTable table = PolicyTable.of(REQUIRED);

        assertThat(table.defaultMode()).isEqualTo(REQUIRED);
        assertThat(table.modeFor("alice@org.example", "peer.example", false)).isEqualTo(REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@org.example", "alice@", "al ice@org.example", "alice@org..example", "-org.example",
            "org_example", ".org.example", "alice@.org.example", "alice@[192.0.2.1]"})
    void sender_invalidKey_isRejected(String key) {
        PolicyTable.Builder builder = PolicyTable.builder(PREFERRED);

        assertThatThrownBy(() -> builder.sender(key, REQUIRED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.isEmpty() ? "\"\"" : key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..peer.example", "alice@peer.example", "peer..example", "peer.example-", "pe er.example"})
    void recipientDomain_invalidKey_isRejected(String key) {
        PolicyTable.Builder builder = PolicyTable.builder(PREFERRED);

        assertThatThrownBy(() -> builder.recipientDomain(key, REQUIRED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recipientDomain_tooLongDomain_isRejected() {
        String label = "a".repeat(63);
        String domain = String.join(".", label, label, label, label);
        PolicyTable.Builder builder = PolicyTable.builder(PREFERRED);

        assertThatThrownBy(() -> builder.recipientDomain(domain, REQUIRED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sender_sameKeyInOtherCase_isRejectedAsDuplicate() {
        PolicyTable.Builder builder = PolicyTable.builder(PREFERRED).sender("alice@org.example", REQUIRED);

        assertThatThrownBy(() -> builder.sender("ALICE@org.example", SMTP_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void recipientDomain_trailingDotDuplicate_isRejected() {
        PolicyTable.Builder builder = PolicyTable.builder(PREFERRED).recipientDomain("peer.example", REQUIRED);

        assertThatThrownBy(() -> builder.recipientDomain("peer.example.", REQUIRED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_afterMoreRules_leavesEarlierTableUnchanged() {
        PolicyTable.Builder builder = PolicyTable.builder(PREFERRED);
        PolicyTable before = builder.build();
        builder.recipientDomain("peer.example", REQUIRED);

        assertThat(before.recipientRule("peer.example")).isEmpty();
        assertThat(builder.build().recipientRule("peer.example")).contains(REQUIRED);
    }
}
