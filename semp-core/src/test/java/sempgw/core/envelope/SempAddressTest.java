package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Address canonicalization (ENVELOPE.md §2.3). */
final class SempAddressTest {

    @Test
    void parse_canonicalAddress_keepsLocalPartCase() throws Exception {
        SempAddress a = SempAddress.parse("Alice.Smith+tag@mail.example.com");
        assertThat(a.localPart()).isEqualTo("Alice.Smith+tag");
        assertThat(a.domain()).isEqualTo("mail.example.com");
        assertThat(a).hasToString("Alice.Smith+tag@mail.example.com");
    }

    @Test
    void parse_unicodeLocalPartInNfcAndALabelDomain_isCanonical() throws Exception {
        assertThat(SempAddress.parse("jos\u00e9@xn--bcher-kva.example").localPart()).isEqualTo("jos\u00e9");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "alice@Example.com",            // mixed-case domain (§2.3.2)
        "alice@example.com.",           // trailing dot (§2.3.2)
        "alice@b\u00fccher.example",    // U-label on the wire (§2.3.2)
        "jose\u0301@example.com",       // NFD local part (§2.3.1)
        "al\u0000ice@example.com",      // NUL (§2.3.1)
        "al\u0085ice@example.com",      // C1 control (§2.3.1)
        "a@b@example.com",              // @ in the local part (§2.3.1)
        "@example.com", "alice@", "alice",
        "alice@exa_mple.com", "alice@-example.com", "alice@example..com",
        "alice@xn--zz.example",         // A-label that does not decode
        "al\uDC00ice@example.com",      // lone surrogate
    })
    void parse_nonCanonical_isRejected(String address) {
        assertThatThrownBy(() -> SempAddress.parse(address)).isInstanceOf(InvalidAddressException.class);
        assertThat(SempAddress.isCanonical(address)).isFalse();
    }

    @Test
    void parse_localPartOver64Octets_isRejected() {
        assertThatThrownBy(() -> SempAddress.parse("\u00e9".repeat(33) + "@example.com"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("64 octets");
        assertThat(SempAddress.isCanonical("a".repeat(64) + "@example.com")).isTrue();
    }

    @Test
    void parse_addressOver254Octets_isRejected() {
        String domain = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(50));
        assertThat(SempAddress.isCanonicalDomain(domain)).isTrue();
        assertThat(SempAddress.isCanonical("x".repeat(11) + "@" + domain)).isTrue();
        assertThatThrownBy(() -> SempAddress.parse("x".repeat(20) + "@" + domain))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("254");
    }

    @Test
    void canonicalize_smtpStyleInput_foldsDomainAndNormalizesLocalPart() throws Exception {
        assertThat(SempAddress.canonicalize("Alice@EXAMPLE.Com.")).hasToString("Alice@example.com");
        assertThat(SempAddress.canonicalize("jose\u0301@B\u00fccher.Example")).hasToString("jos\u00e9@xn--bcher-kva.example");
    }

    @Test
    void canonicalize_invalidDomain_isRejected() {
        assertThatThrownBy(() -> SempAddress.canonicalize("alice@exa mple.com")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> SempAddress.canonicalize("alice@" + "a".repeat(64) + ".com")).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void constructor_nonCanonicalParts_isRefused() {
        assertThatThrownBy(() -> new SempAddress("bob", "Example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SempAddress("", "example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SempAddress("bob", "example.com")).hasToString("bob@example.com");
    }

    @Test
    void equivalence_isOctetEqualityOfCanonicalForms() throws Exception {
        assertThat(SempAddress.canonicalize("Bob@Example.com")).isEqualTo(SempAddress.parse("Bob@example.com"));
        assertThat(SempAddress.parse("Bob@example.com")).isNotEqualTo(SempAddress.parse("bob@example.com"));
    }
}
