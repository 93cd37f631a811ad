package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.SempConfig;
import sempgw.app.keys.DomainKeyStore;
import sempgw.app.keys.DomainKeys;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.semp.ingress.federation.BlockList;
import sempgw.semp.ingress.federation.FederationConfig;
import sempgw.semp.ingress.receive.ReceiveOutcome;

final class SempFederationTest {
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    @TempDir
    Path dir;

    FederationConfig config(String semp) throws Exception {
        SempConfig c = ConfigLoader.parse("[semp]\ndomain = \"example.org\"\nserver_id = \"gw-01\"\n" + semp).semp();
        try (DomainKeys keys = new DomainKeyStore(dir.resolve("k"), dir.resolve("s")).loadOrCreate("example.org", Clock.systemUTC())) {
            return SempFederation.config(c, keys, (domain, keyId) -> Optional.empty(),
                    (domain, proof, key) -> new DomainProofVerifier.Failed("test"), (wire, session, now) -> new ReceiveOutcome.Silent("test"));
        }
    }

    @Test
    void config_defaults_bothSuitesNoProofOfWorkNoBlockEntries() throws Exception {
        FederationConfig f = config("");
        assertThat(f.local().domain()).isEqualTo("example.org");
        assertThat(f.local().serverId()).isEqualTo("gw-01");
        assertThat(f.accepted().suites()).containsExactly(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305);
        assertThat(f.accepted().maxEnvelopeSize()).hasValue(25L << 20);
        assertThat(f.proofOfWork()).isEmpty();
        assertThat(f.blockList().entries()).isEmpty();
        assertThat(f.limits().maxSessions()).isEqualTo(1000);
    }

    @Test
    void config_everySettingMapped() throws Exception {
        FederationConfig f = config("""
                suites = ["x25519-chacha20-poly1305"]
                max_envelope_size = "5MB"
                sessions.max = 50
                handshake.pow_difficulty = 12
                [semp.block]
                domains = ["spam.example"]
                silent_domains = ["worse.example"]
                """);
        assertThat(f.accepted().suites()).containsExactly(SuiteId.X25519_CHACHA20_POLY1305);
        assertThat(f.accepted().maxEnvelopeSize()).hasValue(5L << 20);
        assertThat(f.limits().maxSessions()).isEqualTo(50);
        assertThat(f.proofOfWork()).hasValueSatisfying(p -> assertThat(p.difficulty()).isEqualTo(12));
        assertThat(f.blockList().match("spam.example", Optional.empty(), NOW)).contains(BlockList.Acknowledgment.REJECTED);
        assertThat(f.blockList().match("worse.example", Optional.empty(), NOW)).contains(BlockList.Acknowledgment.SILENT);
        assertThat(f.blockList().match("friend.example", Optional.empty(), NOW)).isEmpty();
    }
}
