package sempgw.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.core.testing.SharedFiles.hex;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.KeySchedule;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.testing.SharedFiles;

/** VECTORS.md §2.1, §2.2, §4 and §5.1 through the handshake layer's own code paths. */
final class SpecVectorsTest {
    private static final String M1 = "{\"capabilities\":{\"encryption_algorithms\":[\"pq-kyber768-x25519\",\"x25519-chacha20-poly1305\"],\"extensions\":[\"semp.dev/device-sync\",\"semp.dev/large-attachment\"]},\"client_ephemeral_key\":{\"algorithm\":\"pq-kyber768-x25519\",\"key\":\"Y2xpZW50LWVwaGVtZXJhbC1rZXk=\",\"key_id\":\"client-eph-fp\"},\"extensions\":{},\"nonce\":\"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqs=\",\"party\":\"client\",\"step\":\"init\",\"transport\":\"ws\",\"type\":\"SEMP_HANDSHAKE\",\"version\":\"1.0.0\"}";
    private static final String M2 = "{\"client_nonce\":\"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqs=\",\"extensions\":{},\"negotiated\":{\"encryption_algorithm\":\"pq-kyber768-x25519\",\"extensions\":[\"semp.dev/device-sync\",\"semp.dev/large-attachment\"]},\"party\":\"server\",\"server_ephemeral_key\":{\"algorithm\":\"pq-kyber768-x25519\",\"key\":\"c2VydmVyLWVwaGVtZXJhbC1rZXk=\",\"key_id\":\"server-eph-fp\"},\"server_identity_proof\":{\"domain\":\"example.com\",\"key_id\":\"server-lt-fp\",\"signature\":\"c2VydmVyLXNpZw==\"},\"server_nonce\":\"u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7s=\",\"server_signature\":\"c2VydmVyLXNpZ25hdHVyZQ==\",\"session_id\":\"01JTEST33333333333333333333\",\"step\":\"response\",\"type\":\"SEMP_HANDSHAKE\",\"version\":\"1.0.0\"}";

    @Test
    void confirmationHash_vector51_matchesAndTheFormsAreCanonical() throws Exception {
        assertThat(SharedFiles.spec("VECTORS.md")).contains(M1).contains(M2);
        JsonObject init = JsonParser.parseObject(M1.getBytes(StandardCharsets.UTF_8));
        JsonObject response = JsonParser.parseObject(M2.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(CanonicalJson.encode(init), StandardCharsets.UTF_8)).isEqualTo(M1);
        assertThat(new String(CanonicalJson.encode(response), StandardCharsets.UTF_8)).isEqualTo(M2);
        byte[] hash = ConfirmationHash.of(init, response);
        assertThat(SharedFiles.hex(hash)).isEqualTo("1c23b09f9c0e93dbc1dc31a9d9dc4c68006191b5c12d3dffa0a153f5e972cc3d");
        assertThat(SharedFiles.b64(hash)).isEqualTo("HCOwn5wOk9vB3DGp2dxMaABhkbXBLT3/oKFT9elyzD0=");
    }

    @Test
    void proofOfWork_vector41And42_acceptedAndRejectedByTheResponderCheck() throws Exception {
        byte[] prefix = hex("4a8f2c1d3b5e7a9f0d6c8b4e2a1f3d5c");
        String id = "01JTEST22222222222222222222";
        PowChallenge c = new PowChallenge(id, prefix, 16, Instant.parse("2026-01-01T00:05:00Z"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        JsonObject good = PowChallenge.response("client", id, prefix, hex("000000000000adb7"));
        assertThat(good.requireObject("solution").requireString("hash"))
                .isEqualTo("0000cfa08ac13df837194fecda38add1267f3682fc7981cfab886d7c7c00caf4");
        assertThat(good.requireObject("solution").requireString("nonce")).isEqualTo("AAAAAAAArbc=");
        c.check(good, now, new UsedChallenges(10));

        JsonObject bad = PowChallenge.response("client", id, prefix, hex("0000000000000001"));
        assertThat(bad.requireObject("solution").requireString("hash"))
                .isEqualTo("011599577d9ecb9005422686c7635d32eb2b2f7f1c8b3972ff102b497f9ae7c6");
        assertThatThrownBy(() -> c.check(bad, now, new UsedChallenges(10)))
                .isInstanceOfSatisfying(SempException.class, e -> assertThat(e.reason()).isEqualTo(SempReason.CHALLENGE_FAILED));
        UsedChallenges ledger = new UsedChallenges(10);
        c.check(good, now, ledger);
        assertThatThrownBy(() -> c.check(good, now, ledger))
                .isInstanceOfSatisfying(SempException.class, e -> assertThat(e.reason()).isEqualTo(SempReason.CHALLENGE_FAILED));
    }

    @Test
    void keyDerivation_vector21And22_sessionKeysAndRekeyPrk() {
        CryptoSuite suite = CryptoSuite.of(SuiteId.X25519_CHACHA20_POLY1305);
        SecretBytes ikm = SecretBytes.copyOf(hex("0b".repeat(32) + "0c".repeat(32)));
        var keys = KeySchedule.session(suite, ikm, hex("aa".repeat(32)), hex("bb".repeat(32)));
        assertThat(GoTranscript.hexKeys(keys)).isEqualTo(List.of(
                "cf74d91d41de6ac8f838715bc44a31d7e23b8e9b4dd7dab6be6ad4b8d0567af6",
                "bed26f42d9b1762ab5665b429ef511316e2f9a9be7b4721a310488b3540f90cd",
                "7f7c8b61c27e91c160dba88063346afb920b99fa2736aa0c54b5d022ff58484e",
                "7905bf680e3095c0b71b4d331c2a586316171ab6ad072842b5bea4a0c374723a",
                "32925224f762c4f921db929271bfdc5e911b0d877bc30cd4695f9d6530337c02"));
        SecretBytes rekeyIkm = SecretBytes.copyOf(hex("d1".repeat(32) + "e2".repeat(32)));
        assertThat(GoTranscript.h(suite.kdf().extract(hex("cc".repeat(32) + "dd".repeat(32)), rekeyIkm))).isEqualTo(
                "3e62694adf1c3ae0bf998d6c74498ba7148406359c374cbd6fa54f14ca2a2561260c9bc3944c48204505f4ad8455958a616b2c5b9ba0eebe99ee6ad15eac9c23");
    }

    @Test
    void powDemand_boundsOfSection2a2_enforcedAtConstruction() {
        assertThatThrownBy(() -> new PowDemand(29, java.time.Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PowDemand(21, java.time.Duration.ofSeconds(59))).isInstanceOf(IllegalArgumentException.class);
        assertThat(PowDemand.floor(20)).hasSeconds(30);
        assertThat(PowDemand.floor(24)).hasSeconds(60);
        assertThat(PowDemand.floor(25)).hasSeconds(120);
        assertThat(new PowDemand(28, java.time.Duration.ofSeconds(120)).difficulty()).isEqualTo(28);
    }

    @Test
    void ledgers_secondUseWithinWindow_refusedAndForgottenAfterIt() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        SeenNonces nonces = new SeenNonces(java.time.Duration.ofMinutes(5), 3);
        assertThat(nonces.seen(new byte[] {1}, t)).isFalse();
        assertThat(nonces.record(new byte[] {1}, t)).isEqualTo(NonceLedger.Recorded.FIRST_USE);
        assertThat(nonces.seen(new byte[] {1}, t.plusSeconds(299))).isTrue();
        assertThat(nonces.record(new byte[] {1}, t.plusSeconds(299))).isEqualTo(NonceLedger.Recorded.REPLAYED);
        assertThat(nonces.seen(new byte[] {1}, t.plusSeconds(300))).isFalse();
        assertThat(nonces.record(new byte[] {1}, t.plusSeconds(300))).isEqualTo(NonceLedger.Recorded.FIRST_USE);
        UsedChallenges used = new UsedChallenges(2);
        assertThat(used.consume("a", t, t)).isTrue();
        assertThat(used.consume("a", t, t.plusSeconds(899))).isFalse();
        assertThat(used.consume("b", t, t)).isTrue();
        assertThat(used.consume("c", t, t)).isTrue();
        assertThat(used.consume("a", t, t)).isTrue();
    }

    @Test
    void nonceLedger_fullOfLiveNonces_forgetsTheOldestToRecordTheNext() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        SeenNonces nonces = new SeenNonces(java.time.Duration.ofMinutes(5), 2);
        assertThat(nonces.record(new byte[] {1}, t)).isEqualTo(NonceLedger.Recorded.FIRST_USE);
        assertThat(nonces.record(new byte[] {2}, t.plusSeconds(1))).isEqualTo(NonceLedger.Recorded.FIRST_USE);

        assertThat(nonces.record(new byte[] {3}, t.plusSeconds(2))).isEqualTo(NonceLedger.Recorded.FIRST_USE_EVICTED_OLDEST);
        assertThat(nonces.seen(new byte[] {3}, t.plusSeconds(2))).isTrue();
        assertThat(nonces.seen(new byte[] {1}, t.plusSeconds(2))).isFalse();
        assertThat(nonces.record(new byte[] {2}, t.plusSeconds(2))).isEqualTo(NonceLedger.Recorded.REPLAYED);

        assertThat(nonces.record(new byte[] {4}, t.plusSeconds(301))).isEqualTo(NonceLedger.Recorded.FIRST_USE);
        assertThat(nonces.seen(new byte[] {3}, t.plusSeconds(301))).isTrue();
    }
}
