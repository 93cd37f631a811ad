package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.SempConfig;
import sempgw.app.keys.DomainKeyStore;
import sempgw.app.keys.DomainKeys;
import sempgw.core.crypto.SuiteId;
import sempgw.semp.ingress.HttpAnswer;
import sempgw.semp.ingress.documents.DirectoryJournal;
import sempgw.semp.ingress.documents.Documents;
import sempgw.semp.ingress.documents.FirstContactPolicy;
import sempgw.semp.ingress.documents.InMemoryUserKeyDirectory;

final class SempDocumentsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    SempConfig semp(String extra) {
        return ConfigLoader.parse("""
                [semp]
                domain = "example.org"
                public_host = "semp.example.org"
                %s
                """.formatted(extra)).semp();
    }

    @Test
    void open_defaults_configurationUsesPublicHostAndPortAndDomainKeysCarryOurKeys() throws Exception {
        SempConfig semp = semp("");
        try (DomainKeys keys = new DomainKeyStore(dir.resolve("semp.key"), dir.resolve("keys")).loadOrCreate("example.org", CLOCK)) {
            Documents docs = SempDocuments.open(semp, keys,
                    new InMemoryUserKeyDirectory("example.org", keys.signing(), DirectoryJournal.volatileOnly()), dir, CLOCK);
            HttpAnswer configuration = docs.configuration();
            assertThat(configuration.status()).isEqualTo(200);
            assertThat(new String(configuration.body(), StandardCharsets.UTF_8))
                    .contains("\"domain\":\"example.org\"", "https://semp.example.org:8443/v1/federate", "\"max_envelope_size\":26214400");
            assertThat(configuration.headers()).containsEntry("Cache-Control", "max-age=3600");
            String domainKeys = new String(docs.domainKeys().body(), StandardCharsets.UTF_8);
            assertThat(domainKeys).contains(keys.signingPublicKey().toBase64());
            for (var k : keys.encryptionPublicKeys()) {
                assertThat(domainKeys).contains(k.keyId().hex());
            }
        }
    }

    @Test
    void settings_challengeOnPort443_proofOfWorkPolicyAndNoPortInUrls() {
        var settings = SempDocuments.settings(semp("public_port = 443\n[semp.first_contact]\nmode = \"challenge\"\ndifficulty = 22\n"), "example.org");
        assertThat(settings.publicBase()).hasToString("https://semp.example.org");
        assertThat(settings.firstContact()).isEqualTo(new FirstContactPolicy.ProofOfWork(22));
    }

    @Test
    void keySet_baselineSuiteOnly_publishesOnlyItsEncryptionKey() throws Exception {
        SempConfig semp = semp("suites = [\"x25519-chacha20-poly1305\"]\n");
        try (DomainKeys keys = new DomainKeyStore(dir.resolve("semp.key"), dir.resolve("keys")).loadOrCreate("example.org", CLOCK)) {
            var set = SempDocuments.keySet(semp, keys);
            assertThat(set.encryptionKeys()).extracting(e -> e.key().suite()).containsExactly(SuiteId.X25519_CHACHA20_POLY1305);
            assertThat(set.signingExpires()).isEqualTo(keys.expires()).isEqualTo(Instant.parse("2027-11-26T01:00:00Z"));
        }
    }
}
