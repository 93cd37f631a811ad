package sempgw.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.semp.egress.discovery.DiscoveryResult;

/**
 * The demo's gateways as {@link DemoNetwork} starts them: each discovers the other through the
 * demo's DNS (the SRV, TXT and configuration document {@code dns-records} describes), a domain
 * the DNS is not authoritative for is a temporary failure and never legacy SMTP, the two demo
 * mailboxes are provisioned, and the written configuration files are the ones that run.
 */
final class DemoNetworkTest {
    @TempDir
    Path dir;

    @Test
    void start_gatewaysDiscoverEachOtherThroughDemoDnsMailboxesProvisioned() throws Exception {
        try (MailboxSink sink = MailboxSink.start(DemoNetwork.BETA, dir.resolve("mailbox"));
             DemoNetwork network = DemoNetwork.start(dir, sink.port(), Clock.systemUTC())) {
            DiscoveryResult beta = network.alpha().semp().peers().discovery().discover(DemoNetwork.BETA);
            DiscoveryResult alpha = network.beta().semp().peers().discovery().discover(DemoNetwork.ALPHA);
            DiscoveryResult elsewhere = network.alpha().semp().peers().discovery().discover("gamma.test");

            assertThat(beta).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
                assertThat(s.configurationHost().authority()).isEqualTo("localhost:" + network.beta().semp().httpsPort());
                assertThat(s.capability()).isPresent();
            });
            assertThat(alpha).isInstanceOfSatisfying(DiscoveryResult.Semp.class,
                    s -> assertThat(s.configurationHost().authority()).isEqualTo("localhost:" + network.alpha().semp().httpsPort()));
            assertThat(elsewhere).isInstanceOf(DiscoveryResult.Temporary.class);
            assertThat(network.alpha().semp().mailboxes().provisioned(DemoNetwork.SENDER)).isTrue();
            assertThat(network.beta().semp().mailboxes().provisioned(DemoNetwork.RECIPIENT)).isTrue();

            GatewayConfig betaConfig = ConfigLoader.load(dir.resolve(DemoNetwork.BETA + ".toml"));
            assertThat(betaConfig.semp().dnsResolver()).get().asString().endsWith(":" + network.dns().address().getPort());
            assertThat(betaConfig.delivery().routes()).containsKey(DemoNetwork.BETA);
        }
    }
}
