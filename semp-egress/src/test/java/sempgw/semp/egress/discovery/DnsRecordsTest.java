package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import sempgw.core.crypto.RandomSource;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.semp.egress.testing.TestDnsServer;
import sempgw.semp.egress.testing.TestTls;

final class DnsRecordsTest {

    private static final TestTls TLS = TestTls.selfSigned("semp.example.com");
    private static final DomainSigningPublicKey DOMAIN_KEY = DomainSigningPrivateKey.generate(RandomSource.secure()).publicKey();

    /** The zone text read back by dnsjava's zone-file parser, as a name server would load it. */
    private static List<Record> load(String zone) throws Exception {
        List<Record> out = new ArrayList<>();
        try (Master m = new Master(new ByteArrayInputStream(zone.getBytes(StandardCharsets.US_ASCII)), Name.root)) {
            for (Record r = m.nextRecord(); r != null; r = m.nextRecord()) {
                out.add(r);
            }
        }
        return out;
    }

    private static <T extends Record> T only(List<Record> records, String owner, int type, Class<T> cls) {
        List<Record> found = records.stream().filter(r -> r.getName().equals(TestDnsServer.name(owner)) && r.getType() == type).toList();
        assertThat(found).hasSize(1);
        return cls.cast(found.getFirst());
    }

    @Test
    void zone_loadsAsAZoneFile_withSrvTxtAndBothTlsa() throws Exception {
        String zone = DnsRecords.zone(DnsRecords.Service.of("Example.com", "semp.example.com", 443), TLS.certificate().getPublicKey(),
                Optional.of(DOMAIN_KEY));
        List<Record> records = load(zone);
        assertThat(records).hasSize(5);
        SRVRecord srv = only(records, "_semp._tcp.example.com", Type.SRV, SRVRecord.class);
        assertThat(srv.getTarget()).isEqualTo(TestDnsServer.name("semp.example.com"));
        assertThat(srv.getPort()).isEqualTo(443);
        assertThat(srv.getTTL()).isEqualTo(3600);
        TLSARecord https = only(records, "_443._tcp.semp.example.com", Type.TLSA, TLSARecord.class);
        assertThat(https.getCertificateUsage()).isEqualTo(TLSARecord.CertificateUsage.DOMAIN_ISSUED_CERTIFICATE);
        assertThat(https.getSelector()).isEqualTo(TLSARecord.Selector.SUBJECT_PUBLIC_KEY_INFO);
        assertThat(https.getMatchingType()).isEqualTo(TLSARecord.MatchingType.SHA256);
        TLSARecord key = only(records, "_semp-key._tcp.example.com", Type.TLSA, TLSARecord.class);
        assertThat(key.getSelector()).isEqualTo(TLSARecord.Selector.SUBJECT_PUBLIC_KEY_INFO);
    }

    @Test
    void zone_txtRecords_readBackByTheDiscoveryParsers() throws Exception {
        DnsRecords.Service service = new DnsRecords.Service("example.com", "semp.example.com", 8443,
                List.of("x25519-chacha20-poly1305"), List.of("h2"), 1_000_000, new SessionTtl(Duration.ofSeconds(600),
                Duration.ofSeconds(60), Duration.ofSeconds(1800)), 300);
        List<Record> records = load(DnsRecords.zone(service, TLS.certificate().getPublicKey(), Optional.empty()));
        CapabilityRecord cap = CapabilityRecord.parse(TxtParameters.text(only(records, "_semp._tcp.example.com", Type.TXT, TXTRecord.class))).orElseThrow();
        assertThat(cap.suites()).containsExactly("x25519-chacha20-poly1305");
        assertThat(cap.transports()).containsExactly("h2");
        assertThat(cap.maxEnvelopeSize()).hasValue(1_000_000);
        assertThat(cap.problems()).isEmpty();
        SessionTtl ttl = SessionTtl.parse(TxtParameters.text(only(records, "_semp.example.com", Type.TXT, TXTRecord.class))).orElseThrow();
        assertThat(ttl).isEqualTo(service.sessionTtl());
        assertThat(only(records, "_8443._tcp.semp.example.com", Type.TLSA, TLSARecord.class).getTTL()).isEqualTo(300);
    }

    @Test
    void zone_httpsTlsa_isSha256OfTheCertificateSpki() throws Exception {
        List<Record> records = load(DnsRecords.zone(DnsRecords.Service.of("example.com", "semp.example.com", 443),
                TLS.certificate().getPublicKey(), Optional.empty()));
        SubjectPublicKeyInfo spki = new X509CertificateHolder(TLS.certificate().getEncoded()).getSubjectPublicKeyInfo();
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(spki.getEncoded());
        assertThat(only(records, "_443._tcp.semp.example.com", Type.TLSA, TLSARecord.class).getCertificateAssociationData()).isEqualTo(expected);
        assertThat(records).noneMatch(r -> r.getName().equals(TestDnsServer.name("_semp-key._tcp.example.com")));
    }

    @Test
    void zone_domainKeyTlsa_isSha256OfTheEd25519Spki() throws Exception {
        List<Record> records = load(DnsRecords.zone(DnsRecords.Service.of("example.com", "semp.example.com", 443),
                TLS.certificate().getPublicKey(), Optional.of(DOMAIN_KEY)));
        byte[] spki = DnsRecords.ed25519Spki(DOMAIN_KEY.bytes());
        assertThat(only(records, "_semp-key._tcp.example.com", Type.TLSA, TLSARecord.class).getCertificateAssociationData())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(spki));
    }

    @Test
    void ed25519Spki_matchesTheJdkEncoding() throws Exception {
        PublicKey jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        byte[] encoded = jdk.getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        assertThat(DnsRecords.ed25519Spki(raw)).isEqualTo(encoded);
        assertThatThrownBy(() -> DnsRecords.ed25519Spki(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quoted_longTextSplitAt255Octets_andQuotesEscaped() throws Exception {
        String text = "v=semp1;x=" + "a".repeat(300) + "\"q\\";
        String q = DnsRecords.quoted(text);
        List<Record> records = load("t.example. 60 IN TXT " + q + "\n");
        TXTRecord txt = (TXTRecord) records.getFirst();
        assertThat(txt.getStringsAsByteArrays()).hasSize(2).allMatch(b -> b.length <= 255);
        assertThat(TxtParameters.text(txt)).isEqualTo(text);
    }

    @Test
    void service_invalidInput_rejected() {
        assertThatThrownBy(() -> DnsRecords.Service.of("not a domain", "semp.example.com", 443)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsRecords.Service.of("example.com", "semp.example.com", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsRecords.Service("example.com", "semp.example.com", 443, List.of("pq-kyber768-x25519"),
                List.of("h2"), 1, SessionTtl.DEFAULT, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsRecords.Service("example.com", "semp.example.com", 443, List.of("x25519-chacha20-poly1305"),
                List.of("ws"), 1, SessionTtl.DEFAULT, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
