package sempgw.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPrivateKey;

final class DomainKeyStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:00:00.750Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    DomainKeyStore store() {
        return new DomainKeyStore(dir.resolve("data/semp.key"), dir.resolve("data/semp-domain-keys"));
    }

    @Test
    void loadOrCreate_firstStart_createsBothFilesOwnerOnly() throws IOException {
        try (DomainKeys keys = store().loadOrCreate("example.org", CLOCK)) {
            assertThat(keys.domain()).isEqualTo("example.org");
            assertThat(keys.created()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
            assertThat(keys.encryption()).containsOnlyKeys(SuiteId.values());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/semp.key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/semp-domain-keys")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data")))).isEqualTo("rwx------");
        assertThat(Files.size(dir.resolve("data/semp.key"))).isEqualTo(32);
        try (var listing = Files.list(dir.resolve("data"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("semp.key", "semp-domain-keys");
        }
    }

    @Test
    void loadOrCreate_secondStart_sameKeysThatStillWork() throws Exception {
        byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        byte[] wrapped;
        SecretBytes secret = SecretBytes.random(32, RandomSource.secure());
        try (DomainKeys first = store().loadOrCreate("example.org", CLOCK)) {
            signature = first.signing().sign(SignatureContext.ENVELOPE, message);
            wrapped = first.encryption(SuiteId.PQ_KYBER768_X25519).orElseThrow().publicKey().wrap(secret, RandomSource.secure());
        }
        try (DomainKeys again = store().loadOrCreate("example.org", CLOCK)) {
            assertThat(again.signingPublicKey().verify(SignatureContext.ENVELOPE, message, signature)).isTrue();
            DomainEncryptionPrivateKey pq = again.encryption(SuiteId.PQ_KYBER768_X25519).orElseThrow();
            assertThat(pq.unwrap(wrapped).equalsSecret(secret)).isTrue();
            assertThat(again.created()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        }
    }

    @Test
    void close_destroysEveryPrivateKey() throws IOException {
        DomainKeys keys = store().loadOrCreate("example.org", CLOCK);
        keys.close();
        assertThat(keys.signing().isDestroyed()).isTrue();
        assertThat(keys.encryption().values()).allMatch(DomainEncryptionPrivateKey::isDestroyed);
        assertThat(keys.toString()).contains("example.org", keys.signingPublicKey().keyId().hex()).contains("redacted");
    }

    @Test
    void load_keyFileReadableByGroup_refusedWithChmodHint() throws IOException {
        store().loadOrCreate("example.org", CLOCK).close();
        Files.setPosixFilePermissions(dir.resolve("data/semp.key"), PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> store().loadOrCreate("example.org", CLOCK)).isInstanceOf(IOException.class)
                .hasMessageContaining("is accessible by group or others (mode rw-r-----)")
                .hasMessageContaining("chmod 600 " + dir.resolve("data/semp.key"));
    }

    @Test
    void load_storeTamperedWith_refusedAsAltered() throws IOException {
        store().loadOrCreate("example.org", CLOCK).close();
        Path file = dir.resolve("data/semp-domain-keys");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> store().loadOrCreate("example.org", CLOCK)).isInstanceOf(IOException.class)
                .hasMessage("domain key file " + file + " fails authentication: it was altered or damaged, or was written under another semp.key_file");
    }

    @Test
    void load_headerTamperedWith_refusedAsAltered() throws IOException {
        store().loadOrCreate("example.org", CLOCK).close();
        Path file = dir.resolve("data/semp-domain-keys");
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> store().load()).isInstanceOf(IOException.class).hasMessageContaining("fails authentication");
    }

    @Test
    void load_unknownFormatVersion_refusedNamingIt() throws IOException {
        store().loadOrCreate("example.org", CLOCK).close();
        Path file = dir.resolve("data/semp-domain-keys");
        byte[] bytes = Files.readAllBytes(file);
        bytes[9] = 2;
        Files.write(file, bytes);
        assertThatThrownBy(() -> store().load()).isInstanceOf(IOException.class)
                .hasMessage("domain key file " + file + " has format version 2; this gateway reads version 1");
    }

    @Test
    void load_otherKeyFile_refusedAsAltered() throws IOException {
        store().loadOrCreate("example.org", CLOCK).close();
        Files.delete(dir.resolve("data/semp.key"));
        assertThatThrownBy(() -> store().load()).isInstanceOf(IOException.class).hasMessageContaining("is missing; without it the domain keys");
        AtRestKey.loadOrCreate(dir.resolve("data/semp.key")).close();
        assertThatThrownBy(() -> store().load()).isInstanceOf(IOException.class).hasMessageContaining("fails authentication");
    }

    @Test
    void loadOrCreate_domainChanged_refusedNamingBoth() throws IOException {
        store().loadOrCreate("example.org", CLOCK).close();
        assertThatThrownBy(() -> store().loadOrCreate("example.net", CLOCK)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds the keys of example.org, not of semp.domain = example.net");
    }

    @Test
    void load_keyFileOfWrongLength_refused() throws IOException {
        Path key = Files.writeString(dir.resolve("short.key"), "too short");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> AtRestKey.load(key)).isInstanceOf(IOException.class).hasMessageContaining("expected 32 octets, found 9");
    }
}
