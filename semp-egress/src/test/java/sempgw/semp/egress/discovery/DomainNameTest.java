package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DomainNameTest {

    @Test
    void parse_mixedCaseWithTrailingDot_isLowerCaseWithoutDot() {
        assertThat(DomainName.parse(" Example.COM. ")).map(DomainName::ascii).contains("example.com");
    }

    @Test
    void parse_unicodeLabels_areALabels() {
        assertThat(DomainName.parse("bücher.example")).map(DomainName::ascii).contains("xn--bcher-kva.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "exa mple.com", "-bad.example", "bad-.example", "a..b", "under_score.example",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example"})
    void parse_unusableNames_areRejected(String input) {
        assertThat(DomainName.parse(input)).isEmpty();
    }

    @Test
    void parse_null_isRejected() {
        assertThat(DomainName.parse(null)).isEmpty();
    }

    @Test
    void isOnionV3_56CharacterName_isTrue_16CharacterName_isFalse() {
        DomainName v3 = DomainName.parse("pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion").orElseThrow();
        DomainName v2 = DomainName.parse("expyuzz4wqqyqhjn.onion").orElseThrow();
        assertThat(v3.isOnion()).isTrue();
        assertThat(v3.isOnionV3()).isTrue();
        assertThat(v2.isOnion()).isTrue();
        assertThat(v2.isOnionV3()).isFalse();
        assertThat(DomainName.parse("example.com").orElseThrow().isOnion()).isFalse();
    }

    @Test
    void dnsName_withPrefix_isAbsolute() {
        assertThat(DomainName.parse("example.com").orElseThrow().dnsName("_semp._tcp.").toString())
                .isEqualTo("_semp._tcp.example.com.");
    }
}
