package sempgw.app.semp;

import java.io.IOException;
import java.time.Clock;
import sempgw.app.config.GatewayConfig;
import sempgw.app.keys.DomainKeyStore;
import sempgw.app.keys.DomainKeys;
import sempgw.store.PrivateFiles;

/** Opens the domain keys of {@code semp.domain} the same way for {@code run} and {@code dns-records}: created on first use. */
public final class SempKeys {
    private SempKeys() {
    }

    /**
     * @throws sempgw.app.config.ConfigException if {@code semp.domain} is unset
     * @throws IOException if the key files cannot be created or read
     */
    public static DomainKeys open(GatewayConfig config, Clock clock) throws IOException {
        String domain = config.semp().requireDomain();
        PrivateFiles.createDirectories(config.dataDir());
        return DomainKeyStore.of(config.semp()).loadOrCreate(domain, clock);
    }
}
