package sempgw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.app.keys.DomainKeyStore;
import sempgw.app.keys.DomainKeys;
import sempgw.app.tls.TlsContexts;
import sempgw.semp.egress.peers.SempVerifyRecord;

final class DnsRecordsCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return SempGatewayCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    Path config() throws Exception {
        return Files.writeString(dir.resolve("gw.toml"), """
                data_dir = "%s"
                [smtp]
                hostname = "mx.example.org"
                [semp]
                domain = "example.org"
                server_id = "gw-01"
                public_host = "semp.example.org"
                public_port = 443
                """.formatted(dir.resolve("data")));
    }

    static List<Record> zone(String text) throws Exception {
        List<Record> records = new ArrayList<>();
        try (Master m = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), Name.root)) {
            for (Record r = m.nextRecord(); r != null; r = m.nextRecord()) {
                records.add(r);
            }
        }
        return records;
    }

    static <T extends Record> T only(List<Record> records, String owner, int type, Class<T> cls) throws Exception {
        Name name = Name.fromString(owner);
        List<Record> found = records.stream().filter(r -> r.getName().equals(name) && r.getType() == type).toList();
        assertThat(found).as("%s %s", owner, Type.string(type)).hasSize(1);
        return cls.cast(found.getFirst());
    }

    @Test
    void dnsRecords_configuredDomain_printsSrvTxtTlsaAndVerifyRecords() throws Exception {
        Path file = config();
        assertThat(run("dns-records", "--config", file.toString())).as(err.toString()).isZero();
        List<Record> records = zone(out.toString());
        assertThat(records).hasSize(6);
        SRVRecord srv = only(records, "_semp._tcp.example.org.", Type.SRV, SRVRecord.class);
        assertThat(srv.getTarget()).isEqualTo(Name.fromString("semp.example.org."));
        assertThat(srv.getPort()).isEqualTo(443);
        assertThat(srv.getTTL()).isEqualTo(3600);
        assertThat(only(records, "_semp._tcp.example.org.", Type.TXT, TXTRecord.class).getStrings())
                .containsExactly("v=semp1;s=pq-kyber768-x25519,x25519-chacha20-poly1305;c=h2,ws;mes=26214400");
        assertThat(only(records, "_semp.example.org.", Type.TXT, TXTRecord.class).getStrings().getFirst()).startsWith("v=semp1;handshake-ttl=");

        GatewayConfig config = ConfigLoader.load(file);
        byte[] tlsSpki = TlsContexts.credentials(config.tls(), config.selfSignedDir(), "mx.example.org", Clock.systemUTC())
                .leaf().getPublicKey().getEncoded();
        assertThat(only(records, "_443._tcp.semp.example.org.", Type.TLSA, TLSARecord.class).getCertificateAssociationData())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(tlsSpki));
        try (DomainKeys keys = new DomainKeyStore(config.semp().keyFile(), config.semp().domainKeysFile()).load()) {
            byte[] keySpki = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(keys.signingPublicKey().bytes()));
            TLSARecord keyTlsa = only(records, "_semp-key._tcp.example.org.", Type.TLSA, TLSARecord.class);
            assertThat(keyTlsa.getCertificateUsage()).isEqualTo(3);
            assertThat(keyTlsa.getSelector()).isEqualTo(1);
            assertThat(keyTlsa.getMatchingType()).isEqualTo(1);
            assertThat(keyTlsa.getCertificateAssociationData()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(keySpki));
            String verify = only(records, "_semp-verify.example.org.", Type.TXT, TXTRecord.class).getStrings().getFirst();
            assertThat(verify).startsWith("v=semp1;id=gw-01;s=");
            assertThat(SempVerifyRecord.verifies(verify, "example.org", "gw-01", keys.signingPublicKey())).isTrue();
            assertThat(SempVerifyRecord.verifies(verify, "example.org", "gw-02", keys.signingPublicKey())).isFalse();
        }
    }

    @Test
    void dnsRecords_secondRun_reusesTheKeysAndCertificate() throws Exception {
        Path file = config();
        assertThat(run("dns-records", "-c", file.toString())).isZero();
        String first = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("dns-records", "-c", file.toString())).isZero();
        List<Record> a = zone(first);
        List<Record> b = zone(out.toString());
        assertThat(only(b, "_semp-key._tcp.example.org.", Type.TLSA, TLSARecord.class))
                .isEqualTo(only(a, "_semp-key._tcp.example.org.", Type.TLSA, TLSARecord.class));
        assertThat(only(b, "_443._tcp.semp.example.org.", Type.TLSA, TLSARecord.class))
                .isEqualTo(only(a, "_443._tcp.semp.example.org.", Type.TLSA, TLSARecord.class));
    }

    @Test
    void dnsRecords_noDomainConfigured_exit78NamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"), "data_dir = \"" + dir.resolve("data") + "\"\n");
        assertThat(run("dns-records", "--config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).isEqualTo("semp-gateway: configuration error: semp.domain = (unset) is not allowed: "
                + "a domain name (the email domain we serve SEMP for) for dns-records\n");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void dnsRecords_publicHostASingleLabel_exit78NamingTheKey() throws Exception {
        // semp.public_host defaults to smtp.hostname, which on many machines is a single label.
        Path file = Files.writeString(dir.resolve("gw.toml"), """
                data_dir = "%s"
                [smtp]
                hostname = "gw"
                [semp]
                domain = "example.org"
                """.formatted(dir.resolve("data")));
        assertThat(run("dns-records", "--config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).isEqualTo("semp-gateway: configuration error: semp.public_host = \"gw\" is not allowed: "
                + "a fully qualified domain name, the SRV target peers connect to (it defaults to smtp.hostname)\n");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void dnsRecords_listenOnPortZeroWithoutPublicPort_exit78NamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"), """
                data_dir = "%s"
                [semp]
                domain = "example.org"
                public_host = "semp.example.org"
                listen = "127.0.0.1:0"
                """.formatted(dir.resolve("data")));
        assertThat(run("dns-records", "--config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).isEqualTo("semp-gateway: configuration error: semp.public_port = (unset) is not allowed: "
                + "a port from 1 to 65535 to publish, whenever semp.listen binds port 0\n");
        assertThat(out.toString()).isEmpty();
    }
}
