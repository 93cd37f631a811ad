package sempgw.e2e.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sempgw.semp.egress.testing.Dnsmasq;

/**
 * The DNS of the bridge tests: a real dnsmasq on loopback (semp-egress's test fixture) that is
 * the only server for {@code .test} and serves
 * <ul>
 *   <li>each SEMP domain's records exactly as {@code dns-records} printed them, plus an A record
 *       127.0.0.1 for its public host;</li>
 *   <li>for each legacy domain only an MX record (to {@code mx.<domain>}, 127.0.0.1): no SEMP;</li>
 *   <li>for each broken domain nothing but SERVFAIL, from a {@link ServfailServer} dnsmasq
 *       forwards that domain to;</li>
 *   <li>NXDOMAIN for every other name under {@code .test}.</li>
 * </ul>
 */
public final class TestDns implements AutoCloseable {
    private final Dnsmasq dnsmasq;
    private final ServfailServer servfail;

    private TestDns(Dnsmasq dnsmasq, ServfailServer servfail) {
        this.dnsmasq = dnsmasq;
        this.servfail = servfail;
    }

    /**
     * @param sempZones the output of {@code dns-records} of each SEMP gateway
     * @param publicHosts the SRV targets, each given the address 127.0.0.1
     * @param legacyDomains domains with an MX record only
     * @param brokenDomains domains whose every query fails with SERVFAIL
     */
    public static TestDns start(List<String> sempZones, List<String> publicHosts, List<String> legacyDomains, List<String> brokenDomains)
            throws IOException, InterruptedException {
        ServfailServer servfail = ServfailServer.start();
        List<String> lines = new ArrayList<>(List.of("local=/test/"));
        for (String zone : sempZones) {
            lines.addAll(ZoneRecords.dnsmasqLines(zone));
        }
        publicHosts.forEach(h -> lines.add("host-record=" + h + ",127.0.0.1"));
        for (String d : legacyDomains) {
            lines.add("mx-host=" + d + ",mx." + d + ",10");
            lines.add("host-record=mx." + d + ",127.0.0.1");
        }
        brokenDomains.forEach(d -> lines.add("server=/" + d + "/127.0.0.1#" + servfail.port()));
        try {
            return new TestDns(Dnsmasq.start(List.of("--log-queries"), lines), servfail);
        } catch (IOException | InterruptedException | RuntimeException e) {
            servfail.close();
            throw e;
        }
    }

    /** {@code "127.0.0.1:port"}, for {@code semp.dns_resolver}. */
    public String resolver() {
        return "127.0.0.1:" + dnsmasq.resolver().getAddress().getPort();
    }

    public org.xbill.DNS.SimpleResolver client() {
        return dnsmasq.resolver();
    }

    /** Queries the broken domains' upstream has answered with SERVFAIL. */
    public int servfailQueries() {
        return servfail.queries();
    }

    public String log() throws IOException {
        return dnsmasq.log();
    }

    @Override
    public void close() {
        try {
            dnsmasq.close();
        } finally {
            servfail.close();
        }
    }
}
