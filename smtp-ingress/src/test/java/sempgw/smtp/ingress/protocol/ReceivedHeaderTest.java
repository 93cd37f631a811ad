package sempgw.smtp.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ReceivedHeaderTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 7, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2));

    private static String format(String helo, String ip, Optional<String> rcpt) {
        return new String(ReceivedHeader.format(helo, InetAddress.ofLiteral(ip), "gw.example.org", "ESMTPS", "ID1", rcpt, NOW),
                StandardCharsets.UTF_8);
    }

    @Test
    void format_singleRecipient_followsTheStampSyntax() {
        assertThat(format("client.example", "192.0.2.1", Optional.of("bob@example.org"))).isEqualTo(
                "Received: from client.example ([192.0.2.1])\r\n"
                        + "\tby gw.example.org (sempgw) with ESMTPS id ID1\r\n"
                        + "\tfor <bob@example.org>; Tue, 1 Jul 2025 10:00:00 +0200\r\n");
    }

    @Test
    void format_ipv6AndSeveralRecipients_usesIpv6LiteralAndNoFor() {
        assertThat(format("c", "2001:db8::1", Optional.empty())).isEqualTo(
                "Received: from c ([IPv6:2001:db8:0:0:0:0:0:1])\r\n"
                        + "\tby gw.example.org (sempgw) with ESMTPS id ID1; Tue, 1 Jul 2025 10:00:00 +0200\r\n");
    }

    @Test
    void format_controlCharactersInHelo_areReplaced() {
        assertThat(format("evil\tname\u0007", "192.0.2.1", Optional.empty())).startsWith("Received: from evil?name? ([192.0.2.1])\r\n");
    }
}
