package sempgw.semp.egress.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.DomainProof;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;

/** The responder's domain-ownership check: HTTPS-published key, {@code _semp-verify} TXT, and what must fail. */
final class PeerDomainProofsTest {

    private static final String D = "a.example";
    private static final DomainSigningPrivateKey PUBLISHED = DomainSigningPrivateKey.generate(PeerFixtures.seeded(21));
    private static final DomainSigningPrivateKey UNPUBLISHED = DomainSigningPrivateKey.generate(PeerFixtures.seeded(22));
    private static final DomainEncryptionPrivateKey ENCRYPTION = DomainEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305,
            PeerFixtures.seeded(23));
    private static final LocalDomain INITIATOR = new LocalDomain(D, "srv-a", UNPUBLISHED);

    private static TestHttpsServer https;
    private static HttpsDomainKeys keys;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.selfSigned("localhost");
        https = new TestHttpsServer(tls.serverContext());
        https.respond(200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, PUBLISHED.publicKey(), ENCRYPTION.publicKey())));
        keys = new HttpsDomainKeys(new PeerFixtures.FixedDiscovery(PeerFixtures.semp(D, Map.of("h2", "https://localhost/v1/federate"),
                "https://localhost:" + https.port() + "/.well-known/semp/domain-keys", List.of("x25519-chacha20-poly1305"),
                Duration.ofHours(1))), tls.trustingContext(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        keys.close();
        https.close();
    }

    private static PeerDomainProofs proofs(TxtLookup dns) {
        return new PeerDomainProofs(keys, dns);
    }

    @Test
    void verify_keyPublishedOverHttps_verifiedWhateverTheMethod() {
        TxtLookup unused = name -> {
            throw new AssertionError("DNS must not be asked");
        };
        assertThat(proofs(unused).verify(D, new DomainProof("test-trust", D), PUBLISHED.publicKey()))
                .isEqualTo(new DomainProofVerifier.Verified("test-trust"));
    }

    @Test
    void verify_dnsTxtRecordSignedByTheInitKey_verified() {
        TxtLookup dns = name -> name.equals("_semp-verify.a.example")
                ? new TxtLookup.Answer.Found(List.of("unrelated", SempVerifyRecord.txt(INITIATOR)))
                : new TxtLookup.Answer.None();
        assertThat(proofs(dns).verify(D, SempVerifyRecord.proof(INITIATOR), UNPUBLISHED.publicKey()))
                .isEqualTo(new DomainProofVerifier.Verified("dns-txt"));
    }

    @Test
    void verify_dnsTxtRecordForAnotherServerId_failed() {
        TxtLookup dns = name -> new TxtLookup.Answer.Found(List.of(SempVerifyRecord.txt(INITIATOR)));
        assertThat(proofs(dns).verify(D, new DomainProof("dns-txt", "srv-other"), UNPUBLISHED.publicKey()))
                .isInstanceOf(DomainProofVerifier.Failed.class);
    }

    @Test
    void verify_dnsTxtRecordSignedByAnotherKey_failed() {
        LocalDomain impostor = new LocalDomain(D, "srv-a", DomainSigningPrivateKey.generate(PeerFixtures.seeded(99)));
        TxtLookup dns = name -> new TxtLookup.Answer.Found(List.of(SempVerifyRecord.txt(impostor)));
        assertThat(proofs(dns).verify(D, SempVerifyRecord.proof(INITIATOR), UNPUBLISHED.publicKey()))
                .isInstanceOf(DomainProofVerifier.Failed.class);
    }

    @Test
    void verify_noTxtRecord_failed() {
        assertThat(proofs(name -> new TxtLookup.Answer.None()).verify(D, SempVerifyRecord.proof(INITIATOR), UNPUBLISHED.publicKey()))
                .isInstanceOf(DomainProofVerifier.Failed.class);
    }

    @Test
    void verify_dnsFailure_unavailableNeverVerified() {
        assertThat(proofs(name -> new TxtLookup.Answer.Failed("SERVFAIL")).verify(D, SempVerifyRecord.proof(INITIATOR),
                UNPUBLISHED.publicKey()))
                .isInstanceOfSatisfying(DomainProofVerifier.Unavailable.class, u -> assertThat(u.detail()).contains("SERVFAIL"));
    }

    @Test
    void verify_unpublishedKeyAndAnotherMethod_failedWithoutDns() {
        TxtLookup unused = name -> {
            throw new AssertionError("DNS must not be asked");
        };
        assertThat(proofs(unused).verify(D, new DomainProof("test-trust", D), UNPUBLISHED.publicKey()))
                .isInstanceOf(DomainProofVerifier.Failed.class);
    }

    @Test
    void verify_domainWithoutPublishedKeys_onlyDnsTxtCanProve() throws Exception {
        try (TestHttpsServer down = new TestHttpsServer(TestTls.selfSigned("localhost").serverContext());
             HttpsDomainKeys none = new HttpsDomainKeys(new PeerFixtures.FixedDiscovery(new sempgw.semp.egress.discovery.DiscoveryResult
                     .Temporary(sempgw.semp.egress.discovery.DiscoveryResult.Cause.DNS_TIMEOUT, "timeout")),
                     TestTls.selfSigned("localhost").trustingContext(), Clock.systemUTC())) {
            assertThat(down.port()).isPositive();
            PeerDomainProofs p = new PeerDomainProofs(none, name -> new TxtLookup.Answer.Found(List.of(SempVerifyRecord.txt(INITIATOR))));
            assertThat(p.verify(D, new DomainProof("test-trust", D), UNPUBLISHED.publicKey()))
                    .as("keys that cannot be fetched now: ownership cannot be judged now").isInstanceOf(DomainProofVerifier.Unavailable.class);
            assertThat(p.verify(D, SempVerifyRecord.proof(INITIATOR), UNPUBLISHED.publicKey()))
                    .isEqualTo(new DomainProofVerifier.Verified("dns-txt"));
        }
    }

    @Test
    void txt_recordText_hasSpecShape() {
        assertThat(SempVerifyRecord.txt(INITIATOR)).matches("v=semp1;id=srv-a;s=[A-Za-z0-9+/]{86}==");
        assertThat(SempVerifyRecord.verifies(SempVerifyRecord.txt(INITIATOR).replace("v=semp1", "v=semp2"), D, "srv-a",
                UNPUBLISHED.publicKey())).isFalse();
        assertThat(SempVerifyRecord.verifies(SempVerifyRecord.txt(INITIATOR), "other.example", "srv-a", UNPUBLISHED.publicKey())).isFalse();
        assertThat(new String(SempVerifyRecord.ownerName("A.Example").getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII))
                .isEqualTo("_semp-verify.a.example");
    }
}
