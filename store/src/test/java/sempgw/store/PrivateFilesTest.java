package sempgw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void replace_removesTheFilesAbandonedTemporaryCopies_keepsRecentOnesAndOtherFiles() throws Exception {
        Path file = dir.resolve("alice.mailbox");
        Path abandoned = old(dir.resolve(".alice.mailbox.0123456789abcdef.tmp"));
        Path recent = Files.writeString(dir.resolve(".alice.mailbox.fedcba9876543210.tmp"), "another writer's");
        Path otherFile = old(dir.resolve(".bob.mailbox.0123456789abcdef.tmp"));
        Path notATemp = old(dir.resolve(".alice.mailbox.notes.tmp"));

        PrivateFiles.replace(file, "new".getBytes(StandardCharsets.US_ASCII));

        assertThat(file).hasContent("new");
        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
        assertThat(otherFile).exists();
        assertThat(notATemp).exists();
    }

    @Test
    void createOnce_removesAbandonedTemporaryCopies_andLeavesNoTemporaryOfItsOwn() throws Exception {
        Path file = dir.resolve("domain.key");
        Path abandoned = old(dir.resolve(".domain.key.00000000000000ff.tmp"));

        assertThat(PrivateFiles.createOnce(file, new byte[] {1, 2, 3})).isTrue();

        assertThat(abandoned).doesNotExist();
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("domain.key");
        }
    }

    @Test
    void createDirectories_missingOnesOwnerOnly_anExistingOneLeftAsItIs() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path nested = shared.resolve("a").resolve("b");

        assertThat(PrivateFiles.createDirectories(nested)).isEqualTo(nested);
        assertThat(PrivateFiles.createDirectories(nested)).isEqualTo(nested);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void openToOthers_namesTheModeOfADirectoryGroupOrOthersMayUse_emptyForAnOwnerOnlyOne() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        Path own = PrivateFiles.createDirectories(dir.resolve("own"));

        assertThat(PrivateFiles.openToOthers(shared)).contains("rwxr-x---");
        assertThat(PrivateFiles.openToOthers(own)).isEmpty();
    }

    private static Path old(Path temp) throws Exception {
        Files.writeString(temp, "left by a writer that died");
        Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minus(PrivateFiles.ABANDONED).minusSeconds(60)));
        return temp;
    }
}
