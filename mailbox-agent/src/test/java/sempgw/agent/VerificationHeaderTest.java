package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.agent.Verification.Check;
import sempgw.agent.Verification.Origin;
import sempgw.agent.Verification.SignatureCheck;

/** The SEMP-Verification header for each origin state of CLIENT.md §4.3.3 and each signature outcome. */
final class VerificationHeaderTest {

    @Test
    void render_eachState_exactValue() {
        assertThat(VerificationHeader.render(Verification.semp(SignatureCheck.PASS, "peer.example")))
                .isEqualTo("origin=semp; seal=pass; sender-signature=pass; sender-domain=peer.example");
        assertThat(VerificationHeader.render(Verification.semp(SignatureCheck.FAIL, "peer.example")))
                .isEqualTo("origin=semp; seal=pass; sender-signature=fail; sender-domain=peer.example");
        assertThat(VerificationHeader.render(Verification.semp(SignatureCheck.UNKNOWN_KEY, "peer.example")))
                .isEqualTo("origin=semp; seal=pass; sender-signature=unknown-key; sender-domain=peer.example");
        assertThat(VerificationHeader.render(Verification.legacy())).isEqualTo("origin=legacy; seal=none; sender-signature=none");
        assertThat(VerificationHeader.render(Verification.legacyVerifiedSempSender("peer.example")))
                .isEqualTo("origin=legacy-verified-semp-sender; seal=none; sender-signature=none; sender-domain=peer.example");
        assertThat(VerificationHeader.field(Verification.legacy())).isEqualTo("SEMP-Verification: origin=legacy; seal=none; sender-signature=none\r\n");
    }

    @Test
    void parse_everyRenderedValue_sameVerification() {
        for (Verification v : new Verification[] {Verification.semp(SignatureCheck.PASS, "a.example"),
                Verification.semp(SignatureCheck.FAIL, "a.example"), Verification.semp(SignatureCheck.UNKNOWN_KEY, "a.example"),
                new Verification(Origin.SEMP, Check.FAIL, SignatureCheck.FAIL, Optional.of("a.example")), Verification.legacy(),
                Verification.legacyVerifiedSempSender("b.example")}) {
            assertThat(VerificationHeader.parse(VerificationHeader.render(v))).contains(v);
        }
    }

    @Test
    void parse_foldedMixedCaseUnknownKey_accepted() {
        assertThat(VerificationHeader.parse(" ORIGIN=SEMP;\r\n seal = pass ; Sender-Signature=Unknown-Key; sender-domain=a.example; future=x"))
                .contains(Verification.semp(SignatureCheck.UNKNOWN_KEY, "a.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "origin=semp", "origin=semp; seal=pass; sender-signature=pass",
            "origin=semp; seal=pass; seal=pass; sender-signature=pass; sender-domain=a.example",
            "origin=legacy; seal=pass; sender-signature=none", "origin=martian; seal=none; sender-signature=none",
            "origin=semp; seal=maybe; sender-signature=pass; sender-domain=a.example",
            "origin=semp; seal=pass; sender-signature=pass; sender-domain=A.EXAMPLE..", "garbage"})
    void parse_invalidValue_empty(String value) {
        assertThat(VerificationHeader.parse(value)).isEmpty();
    }

    @Test
    void verification_inconsistentState_rejected() {
        assertThatThrownBy(() -> new Verification(Origin.LEGACY, Check.PASS, SignatureCheck.NONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verification(Origin.SEMP, Check.PASS, SignatureCheck.PASS, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verification.semp(SignatureCheck.PASS, "Upper.Example")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentTrusted_onlyForSempWithBothChecksPassing() {
        assertThat(Verification.semp(SignatureCheck.PASS, "a.example").contentTrusted()).isTrue();
        assertThat(Verification.semp(SignatureCheck.FAIL, "a.example").contentTrusted()).isFalse();
        assertThat(Verification.semp(SignatureCheck.UNKNOWN_KEY, "a.example").contentTrusted()).isFalse();
        assertThat(new Verification(Origin.SEMP, Check.FAIL, SignatureCheck.PASS, Optional.of("a.example")).contentTrusted()).isFalse();
        assertThat(Verification.legacy().contentTrusted()).isFalse();
    }
}
