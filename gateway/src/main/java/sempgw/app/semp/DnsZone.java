package sempgw.app.semp;

import java.security.PublicKey;
import java.util.Optional;
import sempgw.app.config.ConfigException;
import sempgw.app.config.SempConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.core.handshake.LocalDomain;
import sempgw.semp.egress.discovery.DnsRecords;
import sempgw.semp.egress.discovery.SessionTtl;
import sempgw.semp.egress.peers.SempVerifyRecord;

/**
 * The zone-file lines an operator publishes for {@code semp.domain}: SRV and TXT under
 * {@code _semp._tcp}, TXT under {@code _semp}, TLSA {@code 3 1 1} for the HTTPS endpoint and
 * under {@code _semp-key._tcp} (KEY.md §2.1, our selector decision in {@link DnsRecords}), and
 * the {@code _semp-verify} TXT (HANDSHAKE.md §5.4, {@link SempVerifyRecord}). The SRV target and
 * port are {@code semp.public_host} and {@code semp.public_port}; every record's TTL is
 * {@code semp.configuration_ttl}.
 */
public final class DnsZone {
    private DnsZone() {
    }

    /**
     * Refuses, as a configuration error naming the key, a configuration whose records cannot be
     * published: a {@code semp.public_host} of one label (its default, {@code smtp.hostname}, is
     * one on many machines) or no {@code semp.public_port} while {@code semp.listen} binds port 0.
     */
    public static void requirePublishable(SempConfig semp) {
        if (!qualified(semp.publicHost())) {
            throw new ConfigException("semp.public_host", "\"" + semp.publicHost() + "\"",
                    "a fully qualified domain name, the SRV target peers connect to (it defaults to smtp.hostname)");
        }
        if (semp.publicPort() == 0) {
            throw new ConfigException("semp.public_port", "(unset)", "a port from 1 to 65535 to publish, whenever semp.listen binds port 0");
        }
    }

    /** Whether {@code publicHost} has more than one label, as a name peers resolve must. */
    static boolean qualified(String publicHost) {
        return publicHost.indexOf('.') >= 0;
    }

    /**
     * @param tlsKey the public key of the certificate the HTTPS listener presents
     * @throws sempgw.app.config.ConfigException if the configuration cannot be published ({@link #requirePublishable})
     */
    public static String render(SempConfig semp, DomainKeys keys, PublicKey tlsKey) {
        requirePublishable(semp);
        DnsRecords.Service service = new DnsRecords.Service(keys.domain(), semp.publicHost(), semp.publicPort(),
                semp.suites().stream().map(s -> s.wireName()).toList(), semp.transports(), semp.maxEnvelopeSize(),
                SessionTtl.DEFAULT, semp.configurationTtl().toSeconds());
        StringBuilder zone = new StringBuilder(DnsRecords.zone(service, tlsKey, Optional.of(keys.signingPublicKey())));
        zone.append("; domain ownership for federation: server id ").append(semp.serverId())
                .append(" signed by the domain signing key (HANDSHAKE.md §5.4)\n");
        zone.append(SempVerifyRecord.ownerName(keys.domain())).append(".\t").append(service.ttlSeconds()).append("\tIN\tTXT\t\"")
                .append(SempVerifyRecord.txt(new LocalDomain(keys.domain(), semp.serverId(), keys.signing()))).append("\"\n");
        return zone.toString();
    }
}
