package sempgw.semp.ingress.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.CanonicalJson;
import sempgw.semp.egress.discovery.ConfigurationParser;

final class ConfigurationRevisionTest {
    private final DocumentsFixture f = new DocumentsFixture();

    @Test
    void resolve_firstStartThenSameContent_staysAtOne(@TempDir Path dir) throws IOException {
        byte[] content = bytes("a");

        assertThat(ConfigurationRevision.resolve(dir, content)).isEqualTo(1);
        assertThat(ConfigurationRevision.resolve(dir, content)).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("configuration-revision")))
                .matches("revision 1\nsha256 [0-9a-f]{64}\n");
        assertThat(dir.resolve("configuration-revision.tmp")).doesNotExist();
    }

    @Test
    void resolve_everyChangeIncludingBackToOldContent_risesAndNeverGoesBack(@TempDir Path dir) throws IOException {
        assertThat(ConfigurationRevision.resolve(dir, bytes("a"))).isEqualTo(1);
        assertThat(ConfigurationRevision.resolve(dir, bytes("b"))).isEqualTo(2);
        assertThat(ConfigurationRevision.resolve(dir, bytes("b"))).isEqualTo(2);
        assertThat(ConfigurationRevision.resolve(dir, bytes("a"))).isEqualTo(3);
        assertThat(ConfigurationRevision.resolve(dir, bytes("a "))).isEqualTo(4);
    }

    @Test
    void resolve_unreadableStateFile_refusesToStartInsteadOfReusingARevision(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("configuration-revision"), "revision 7\nsha256 nothex\n");

        assertThatThrownBy(() -> ConfigurationRevision.resolve(dir, bytes("a"))).isInstanceOf(IOException.class)
                .hasMessageContaining("refusing");
    }

    @Test
    void open_restartWithSameSettings_keepsRevisionAndChangedSettingsRaiseIt(@TempDir Path dir) throws Exception {
        Documents first = Documents.open(f.settings, f.keys, f.directory, dir, f.clock, RandomSource.secure());
        Documents restart = Documents.open(f.settings, f.keys, f.directory, dir, f.clock, RandomSource.secure());
        Documents changed = Documents.open(f.settings.withTtlSeconds(600), f.keys, f.directory, dir, f.clock, RandomSource.secure());
        Documents changedAgain = Documents.open(f.settings.withTtlSeconds(600), f.keys, f.directory, dir, f.clock, RandomSource.secure());

        assertThat(first.revision()).isEqualTo(1);
        assertThat(restart.configuration().body()).isEqualTo(first.configuration().body());
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(changedAgain.revision()).isEqualTo(2);
        assertThat(ConfigurationParser.parse(changed.configuration().body(), "a.example").revision()).isEqualTo(2);
    }

    @Test
    void open_newDomainKeys_doNotTouchTheRevision(@TempDir Path dir) throws Exception {
        Documents first = Documents.open(f.settings, f.keys, f.directory, dir, f.clock, RandomSource.secure());
        DocumentsFixture other = new DocumentsFixture();
        Documents rotated = Documents.open(f.settings, other.keys, other.directory, dir, f.clock, RandomSource.secure());

        assertThat(rotated.revision()).isEqualTo(first.revision());
        assertThat(rotated.domainKeys().body()).isNotEqualTo(first.domainKeys().body());
    }

    @Test
    void open_missingDataDirectory_isCreatedOwnerOnlyWithItsParents(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("data/semp");

        Documents docs = Documents.open(f.settings, f.keys, f.directory, state, f.clock, RandomSource.secure());

        assertThat(docs.revision()).isEqualTo(1);
        assertThat(state.resolve("configuration-revision")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
    }

    @Test
    void open_transportsChanged_raiseTheRevision(@TempDir Path dir) throws Exception {
        Documents both = Documents.open(f.settings, f.keys, f.directory, dir, f.clock, RandomSource.secure());
        Documents h2Only = Documents.open(f.settings.withTransports(List.of("h2")), f.keys, f.directory, dir, f.clock,
                RandomSource.secure());

        assertThat(h2Only.revision()).isEqualTo(both.revision() + 1);
    }

    private static byte[] bytes(String content) {
        return CanonicalJson.encodeString(content);
    }
}
