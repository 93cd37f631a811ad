package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known-correspondent status survives a restart (DELIVERY.md §6.4.4), bounded, and a damaged file never stops the server. */
final class KnownCorrespondentsJournalTest {
    private static final String HEADER = KnownCorrespondentsJournal.HEADER + "\n";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("semp-known-correspondents");
    }

    @Test
    void restart_rememberedPairStillKnown_otherPairsNot() {
        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            known.remember("bob@b.example", "a.example");
        }

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            assertThat(known.isKnown("bob@b.example", "a.example")).isTrue();
            assertThat(known.isKnown("carol@b.example", "a.example")).isFalse();
            assertThat(known.isKnown("bob@b.example", "c.example")).isFalse();
        }
    }

    @Test
    void file_holdsTheAddressAndDomainOnly_onceEach() throws Exception {
        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            known.remember("bob@b.example", "a.example");
            known.remember("bob@b.example", "a.example");
            known.remember("jörg@b.example", "c.example");
        }

        assertThat(Files.readString(file(), StandardCharsets.UTF_8))
                .isEqualTo(HEADER + "bob@b.example a.example\n" + "jörg@b.example c.example\n");
    }

    @Test
    void lookup_ignoresTheCaseOfAddressAndDomain() {
        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            known.remember("Bob@B.example", "A.Example");

            assertThat(known.isKnown("bob@b.example", "a.example")).isTrue();
            assertThat(known.isKnown("BOB@b.example", "a.EXAMPLE")).isTrue();
        }
    }

    @Test
    void lastLineCutShortByACrash_skipped_theRestRead_andTheNextAppendIsWhole() throws Exception {
        Files.writeString(file(), HEADER + "bob@b.example a.example\n" + "garbage\n" + "carol@b.example c.exa", StandardCharsets.UTF_8);

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            assertThat(known.isKnown("bob@b.example", "a.example")).isTrue();
            assertThat(known.isKnown("carol@b.example", "c.exa")).isFalse();
            assertThat(known.size()).isEqualTo(1);
            known.remember("carol@b.example", "d.example");
        }
        assertThat(Files.readString(file(), StandardCharsets.UTF_8))
                .isEqualTo(HEADER + "bob@b.example a.example\n" + "carol@b.example d.example\n");
    }

    @Test
    void lineCutInsideAMultiByteCharacter_skipped() throws Exception {
        byte[] torn = "jörg@b.example a.example\n".getBytes(StandardCharsets.UTF_8);
        byte[] whole = (HEADER + "bob@b.example a.example\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[whole.length + 2];
        System.arraycopy(whole, 0, bytes, 0, whole.length);
        System.arraycopy(torn, 0, bytes, whole.length, 2);
        Files.write(file(), bytes);

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            assertThat(known.size()).isEqualTo(1);
            assertThat(known.isKnown("bob@b.example", "a.example")).isTrue();
        }
    }

    @Test
    void newPairBeyondTheBound_forgetsTheOldest_alsoAfterRestart() {
        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 2)) {
            known.remember("bob@b.example", "p1.example");
            known.remember("bob@b.example", "p2.example");
            known.remember("bob@b.example", "p1.example");
            known.remember("bob@b.example", "p3.example");

            assertThat(known.isKnown("bob@b.example", "p1.example")).isFalse();
            assertThat(known.isKnown("bob@b.example", "p3.example")).isTrue();
        }

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 2)) {
            assertThat(known.size()).isEqualTo(2);
            assertThat(known.isKnown("bob@b.example", "p1.example")).isFalse();
            assertThat(known.isKnown("bob@b.example", "p2.example")).isTrue();
            assertThat(known.isKnown("bob@b.example", "p3.example")).isTrue();
        }
    }

    @Test
    void restart_withASmallerBound_keepsTheNewest() {
        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 100)) {
            for (int i = 0; i < 5; i++) {
                known.remember("bob@b.example", "p" + i + ".example");
            }
        }

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 2)) {
            assertThat(known.size()).isEqualTo(2);
            assertThat(known.isKnown("bob@b.example", "p4.example")).isTrue();
            assertThat(known.isKnown("bob@b.example", "p3.example")).isTrue();
            assertThat(known.isKnown("bob@b.example", "p2.example")).isFalse();
        }
    }

    @Test
    void manyNewPairs_fileRewrittenToTheLivePairs() throws Exception {
        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            for (int i = 0; i < 3000; i++) {
                known.remember("bob@b.example", "p" + i + ".example");
            }
            assertThat(Files.readAllLines(file()).size()).as("header and lines").isLessThanOrEqualTo(1 + 1024 + 10);
        }

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            assertThat(known.isKnown("bob@b.example", "p2999.example")).isTrue();
            assertThat(known.isKnown("bob@b.example", "p2989.example")).isFalse();
        }
    }

    @Test
    void fileWithoutHeader_notRead_keptAsideForInspection_andReplaced() throws Exception {
        Files.writeString(file(), "bob@b.example a.example\n", StandardCharsets.UTF_8);

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 10)) {
            assertThat(known.isKnown("bob@b.example", "a.example")).isFalse();
        }
        assertThat(Files.readString(file(), StandardCharsets.UTF_8)).isEqualTo(HEADER);
        assertThat(Files.readString(dir.resolve("semp-known-correspondents.corrupt"), StandardCharsets.UTF_8)).isEqualTo("bob@b.example a.example\n");
    }

    @Test
    void fileFarLargerThanTheBoundCanWrite_notRead_keptAside() throws Exception {
        Files.writeString(file(), HEADER + "bob@b.example a.example\n".repeat(60_000), StandardCharsets.UTF_8);

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(file(), 1)) {
            assertThat(known.isKnown("bob@b.example", "a.example")).isFalse();
        }
        assertThat(dir.resolve("semp-known-correspondents.corrupt")).exists();
    }

    @Test
    void unwritableDirectory_setWorksInMemory() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("no-such-dir"), "a file, so nothing can be created under it");
        Path missing = notADirectory.resolve("semp-known-correspondents");

        try (KnownCorrespondentsJournal known = KnownCorrespondentsJournal.open(missing, 10)) {
            known.remember("bob@b.example", "a.example");
            assertThat(known.isKnown("bob@b.example", "a.example")).isTrue();
        }
        assertThat(Files.exists(missing)).isFalse();
    }
}
