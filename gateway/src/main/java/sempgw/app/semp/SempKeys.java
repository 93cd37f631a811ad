package sempgw.app.semp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import sempgw.app.config.GatewayConfig;
import sempgw.app.keys.DomainKeyStore;
import sempgw.app.keys.DomainKeys;

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
        if (!Files.isDirectory(config.dataDir())) {
            Files.createDirectories(config.dataDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return DomainKeyStore.of(config.semp()).loadOrCreate(domain, clock);
    }
}
