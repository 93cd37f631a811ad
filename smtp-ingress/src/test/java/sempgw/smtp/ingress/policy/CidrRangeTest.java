package sempgw.smtp.ingress.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CidrRangeTest {

    private static boolean contains(String cidr, String address) {
        return CidrRange.parse(cidr).contains(InetAddress.ofLiteral(address));
    }

    @Test
    void contains_ipv4Networks_matchByPrefix() {
        assertThat(contains("127.0.0.0/8", "127.255.0.1")).isTrue();
        assertThat(contains("127.0.0.0/8", "128.0.0.1")).isFalse();
        assertThat(contains("192.0.2.128/25", "192.0.2.200")).isTrue();
        assertThat(contains("192.0.2.128/25", "192.0.2.127")).isFalse();
        assertThat(contains("0.0.0.0/0", "203.0.113.9")).isTrue();
        assertThat(contains("127.0.0.1", "127.0.0.2")).isFalse();
    }

    @Test
    void contains_ipv6Networks_matchByPrefix() {
        assertThat(contains("::1", "::1")).isTrue();
        assertThat(contains("2001:db8::/32", "2001:db8:ffff::1")).isTrue();
        assertThat(contains("2001:db8::/32", "2001:db9::1")).isFalse();
    }

    @Test
    void contains_familiesDoNotMixExceptIpv4Mapped() {
        assertThat(contains("127.0.0.0/8", "::1")).isFalse();
        assertThat(contains("::/0", "127.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/8", "10.0.0.0/33", "10.0.0/8", "example.org", "10.0.0.0/", "10.0.0.0/x", "::1/129", "2001:db8::1/32"})
    void parse_invalidOrHostBitsSet_isRejected(String cidr) {
        assertThatThrownBy(() -> CidrRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_printsTheNetwork() {
        assertThat(CidrRange.parse(" 10.1.0.0/16 ")).hasToString("10.1.0.0/16");
    }
}
