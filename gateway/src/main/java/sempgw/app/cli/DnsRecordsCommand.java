package sempgw.app.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sempgw.app.config.GatewayConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.app.semp.DnsZone;
import sempgw.app.semp.SempKeys;
import sempgw.app.tls.ServerCredentials;
import sempgw.app.tls.TlsContexts;

/**
 * {@code semp-gateway dns-records [--config FILE]}: prints, in zone-file syntax, the DNS records
 * to publish for {@code semp.domain} (SRV, TXT, TLSA, {@code _semp-verify}). Creates the domain
 * keys and the self-signed certificate if they do not exist yet, as {@code run} would, so the
 * records match what the gateway then serves.
 */
@Command(name = "dns-records", mixinStandardHelpOptions = true,
        description = "Print the DNS records (SRV, TXT, TLSA, _semp-verify) to publish for semp.domain; creates the domain keys if missing.")
final class DnsRecordsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = configFile.load();
        config.semp().requireDomain("dns-records");
        DnsZone.requirePublishable(config.semp());
        Clock clock = Clock.systemUTC();
        try (DomainKeys keys = SempKeys.open(config, clock)) {
            ServerCredentials tls = TlsContexts.credentials(config.tls(), config.selfSignedDir(), config.smtp().hostname(), clock);
            spec.commandLine().getOut().print(DnsZone.render(config.semp(), keys, tls.leaf().getPublicKey()));
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
