package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.smtp.ingress.policy.CidrRange;
import sempgw.smtp.ingress.policy.SenderLogins;

final class SmtpIngressConfigTest {

    @Test
    void builder_defaults_matchTheDocumentedValues() {
        SmtpIngressConfig c = SmtpIngressConfig.builder("gw.example.org").build();

        assertThat(c.port()).isEqualTo(2525);
        assertThat(c.limits().maxSize()).isEqualTo(50L * 1024 * 1024);
        assertThat(c.maxRecipients()).isEqualTo(1000);
        assertThat(c.relayNetworks()).containsExactly(CidrRange.parse("127.0.0.0/8"), CidrRange.parse("::1/128"));
        assertThat(c.maxConnectionsPerClient()).isEqualTo(20);
        assertThat(c.commandTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.minDataRate()).isEqualTo(500);
        assertThat(c.tls()).isEmpty();
        assertThat(c.authenticator()).isEmpty();
        assertThat(c.senderLogins()).isSameAs(SenderLogins.NONE);
        assertThat(c.recipientValidator().exists("a@b")).isFalse();
        assertThat(c.stripHeaderFields()).containsExactly("SEMP-Verification");
        assertThat(c.afterCommit()).isSameAs(AfterCommit.QUEUED);
    }

    @Test
    void build_inconsistentSettings_isRejected() {
        assertThatThrownBy(() -> SmtpIngressConfig.builder("gw.example.org").localDomains(Set.of("example.org"), null).build())
                .hasMessageContaining("recipientValidator");
        assertThatThrownBy(() -> SmtpIngressConfig.builder("gw.example.org").authenticator((u, p) -> true).build())
                .hasMessageContaining("AUTH needs TLS");
        assertThatThrownBy(() -> SmtpIngressConfig.builder("gw example").build()).hasMessageContaining("hostname");
        assertThatThrownBy(() -> SmtpIngressConfig.builder("gw.example.org").connectionLimits(30, 20).build())
                .hasMessageContaining("maxConnectionsPerClient");
        assertThatThrownBy(() -> SmtpIngressConfig.builder("gw.example.org").timeouts(Duration.ZERO, Duration.ofSeconds(1)).build())
                .hasMessageContaining("timeouts");
        assertThatThrownBy(() -> SmtpIngressConfig.builder("gw.example.org").stripHeaderFields(Set.of("Bad:Name")).build())
                .hasMessageContaining("not a header field name");
        assertThatThrownBy(() -> SmtpIngressConfig.builder("gw.example.org").afterCommit(null).build())
                .hasMessageContaining("afterCommit");
    }
}
