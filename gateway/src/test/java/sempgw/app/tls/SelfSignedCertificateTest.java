package sempgw.app.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.semp.egress.testing.MutableClock;

final class SelfSignedCertificateTest {
    @TempDir
    Path data;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void loadOrCreate_firstStart_keyMode0600AndCertificateForTheHostname() throws Exception {
        Path dir = data.resolve("tls");
        ServerCredentials c = SelfSignedCertificate.loadOrCreate(dir, "gw.example.org", clock);

        Path key = dir.resolve(SelfSignedCertificate.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(c.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=gw.example.org");
        assertThat(c.leaf().getSubjectAlternativeNames()).containsExactly(List.of(2, "gw.example.org"));
        assertThat(c.leaf().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(c.leaf().getBasicConstraints()).isEqualTo(-1);
        c.leaf().verify(c.leaf().getPublicKey());
        assertThat(c.toString()).contains("key=(redacted)").doesNotContain("BEGIN");
    }

    @Test
    void loadOrCreate_secondStart_reusesTheSameKeyAndCertificate() throws Exception {
        Path dir = data.resolve("tls");
        ServerCredentials first = SelfSignedCertificate.loadOrCreate(dir, "gw.example.org", clock);
        ServerCredentials second = SelfSignedCertificate.loadOrCreate(dir, "gw.example.org", clock);
        assertThat(second.leaf()).isEqualTo(first.leaf());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
    }

    @Test
    void loadOrCreate_hostnameChanged_newCertificate() throws Exception {
        Path dir = data.resolve("tls");
        ServerCredentials first = SelfSignedCertificate.loadOrCreate(dir, "gw.example.org", clock);
        ServerCredentials renamed = SelfSignedCertificate.loadOrCreate(dir, "mx.example.org", clock);
        assertThat(renamed.leaf()).isNotEqualTo(first.leaf());
        assertThat(renamed.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=mx.example.org");
    }

    @Test
    void loadOrCreate_expired_newCertificate() throws Exception {
        Path dir = data.resolve("tls");
        ServerCredentials first = SelfSignedCertificate.loadOrCreate(dir, "gw.example.org", clock);
        clock.advance(Duration.ofDays(3651));
        ServerCredentials later = SelfSignedCertificate.loadOrCreate(dir, "gw.example.org", clock);
        assertThat(later.leaf()).isNotEqualTo(first.leaf());
        assertThat(later.leaf().getNotAfter().toInstant()).isAfter(clock.instant());
    }
}
