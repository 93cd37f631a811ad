package sempgw.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class ValueFormsTest {

    @ParameterizedTest
    @CsvSource({"30s,PT30S", "5m,PT5M", "4h,PT4H", "5d,PT120H", "1w,PT168H", "0s,PT0S"})
    void durationParse_validForms_parsed(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 m", "1.5h", "-1s", "5M", "10ms", "h"})
    void durationParse_otherForms_rejected(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessage(Durations.ALLOWED);
    }

    @ParameterizedTest
    @CsvSource({"PT30S,30s", "PT90S,90s", "PT2H,2h", "PT120H,5d", "PT168H,1w", "PT0S,0s"})
    void durationFormat_shortestExactForm(Duration d, String expected) {
        assertThat(Durations.format(d)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1024,1024", "1KB,1024", "25MB,26214400", "2gb,2147483648", "7 B,7"})
    void sizeParse_validForms_parsed(String text, long expected) {
        assertThat(ByteSizes.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.5MB", "25TB", "MB", "9999999999999GB"})
    void sizeParse_otherForms_rejected(String text) {
        assertThatThrownBy(() -> ByteSizes.parse(text)).hasMessage(ByteSizes.ALLOWED);
    }

    @Test
    void network_containsAddressesInsideOnly() {
        Network n = Network.parse("10.0.0.0/8");
        assertThat(n.contains(InetAddress.ofLiteral("10.255.1.2"))).isTrue();
        assertThat(n.contains(InetAddress.ofLiteral("11.0.0.1"))).isFalse();
        assertThat(n.contains(InetAddress.ofLiteral("::ffff:a00:1"))).isTrue();
        assertThat(Network.parse("::1").contains(InetAddress.ofLiteral("::1"))).isTrue();
        assertThat(Network.parse("::1").contains(InetAddress.ofLiteral("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.0.0/8", "10.0.0.0/33", "::1/129", "example.org/8", "10.0.0.0/", "10.0.0.0/-1"})
    void network_badForms_rejected(String text) {
        assertThatThrownBy(() -> Network.parse(text)).hasMessage(Network.ALLOWED);
    }

    @ParameterizedTest
    @CsvSource({"::1/128,::1/128", "2001:db8:0:0:0:0:0:0/32,2001:db8::/32", "fe80::/10,fe80::/10", "1:0:0:2:0:0:0:3/128,1:0:0:2::3/128"})
    void network_ipv6_printedCompact(String text, String expected) {
        assertThat(Network.parse(text)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:25", "127.0.0.1", ":25", "::1:25", "[::1]", "127.0.0.1:x"})
    void listen_badForms_rejected(String text) {
        assertThatThrownBy(() -> ListenAddress.parse(text)).hasMessage(ListenAddress.ALLOWED);
    }
}
