package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duplicate-delivery set survives a restart through its journal, bounded, and never stops the server. */
final class DeliveredJournalTest {
    private static final Instant NOW = ReceiveFixture.NOW;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("semp-delivered");
    }

    @Test
    void restart_storedEnvelopeStillKnown_otherSenderAndExpiredOnesNot() {
        try (DeliveredJournal journal = DeliveredJournal.open(file(), 10, NOW)) {
            DeliveredEnvelopes d = new DeliveredEnvelopes(10, journal);
            d.remember("a.example", "P1", NOW.plusSeconds(3600), NOW);
            d.remember("a.example", "P2", NOW.plusSeconds(60), NOW);
        }

        try (DeliveredJournal journal = DeliveredJournal.open(file(), 10, NOW.plusSeconds(120))) {
            DeliveredEnvelopes d = new DeliveredEnvelopes(10, journal);
            assertThat(d.contains("a.example", "P1", NOW.plusSeconds(120))).isTrue();
            assertThat(d.contains("c.example", "P1", NOW.plusSeconds(120))).isFalse();
            assertThat(d.contains("a.example", "P2", NOW.plusSeconds(120))).isFalse();
            assertThat(d.size()).isEqualTo(1);
        }
    }

    @Test
    void file_namesNoDomainAndNoPostmarkId() throws Exception {
        try (DeliveredJournal journal = DeliveredJournal.open(file(), 10, NOW)) {
            new DeliveredEnvelopes(10, journal).remember("sender.example", "01HZXPOSTMARKID", NOW.plusSeconds(60), NOW);
        }

        String text = Files.readString(file(), StandardCharsets.US_ASCII);
        assertThat(text).startsWith(DeliveredJournal.HEADER + "\n")
                .contains(DeliveredEnvelopes.key("sender.example", "01HZXPOSTMARKID"))
                .doesNotContain("sender.example").doesNotContain("01HZXPOSTMARKID");
    }

    @Test
    void restart_moreEntriesThanCapacity_keepsTheNewest() {
        try (DeliveredJournal journal = DeliveredJournal.open(file(), 100, NOW)) {
            DeliveredEnvelopes d = new DeliveredEnvelopes(100, journal);
            for (int i = 0; i < 5; i++) {
                d.remember("a.example", "P" + i, NOW.plusSeconds(3600), NOW);
            }
        }

        try (DeliveredJournal journal = DeliveredJournal.open(file(), 2, NOW)) {
            DeliveredEnvelopes d = new DeliveredEnvelopes(2, journal);
            assertThat(d.size()).isEqualTo(2);
            assertThat(d.contains("a.example", "P4", NOW)).isTrue();
            assertThat(d.contains("a.example", "P3", NOW)).isTrue();
            assertThat(d.contains("a.example", "P2", NOW)).isFalse();
        }
    }

    @Test
    void lineCutShortByACrash_skipped_theRestRead() throws Exception {
        String p1 = DeliveredEnvelopes.key("a.example", "P1");
        String p2 = DeliveredEnvelopes.key("a.example", "P2");
        long until = NOW.plusSeconds(600).getEpochSecond();
        Files.writeString(file(), DeliveredJournal.HEADER + "\n" + until + " " + p1 + "\n" + "garbage line\n" + until + " " + p2.substring(0, 9),
                StandardCharsets.US_ASCII);

        try (DeliveredJournal journal = DeliveredJournal.open(file(), 10, NOW)) {
            DeliveredEnvelopes d = new DeliveredEnvelopes(10, journal);
            assertThat(d.contains("a.example", "P1", NOW)).isTrue();
            assertThat(d.contains("a.example", "P2", NOW)).isFalse();
            d.remember("a.example", "P3", NOW.plusSeconds(600), NOW);
        }
        assertThat(Files.readString(file(), StandardCharsets.US_ASCII)).isEqualTo(DeliveredJournal.HEADER + "\n"
                + until + " " + p1 + "\n" + until + " " + DeliveredEnvelopes.key("a.example", "P3") + "\n");
    }

    @Test
    void fileWithoutHeader_notRead_andReplaced() throws Exception {
        Files.writeString(file(), "not a journal\n", StandardCharsets.US_ASCII);

        try (DeliveredJournal journal = DeliveredJournal.open(file(), 10, NOW)) {
            assertThat(new DeliveredEnvelopes(10, journal).size()).isZero();
        }
        assertThat(Files.readString(file(), StandardCharsets.US_ASCII)).isEqualTo(DeliveredJournal.HEADER + "\n");
    }

    @Test
    void fileFarLargerThanTheSetCanWrite_notRead() throws Exception {
        String line = NOW.plusSeconds(600).getEpochSecond() + " " + DeliveredEnvelopes.key("a.example", "P1") + "\n";
        Files.writeString(file(), DeliveredJournal.HEADER + "\n" + line.repeat(2000), StandardCharsets.US_ASCII);

        try (DeliveredJournal journal = DeliveredJournal.open(file(), 1, NOW)) {
            assertThat(new DeliveredEnvelopes(1, journal).contains("a.example", "P1", NOW)).isFalse();
        }
    }

    @Test
    void manyAppends_fileRewrittenToTheLiveEntries() throws Exception {
        try (DeliveredJournal journal = DeliveredJournal.open(file(), 10, NOW)) {
            DeliveredEnvelopes d = new DeliveredEnvelopes(10, journal);
            for (int i = 0; i < 5000; i++) {
                d.remember("a.example", "P" + i, NOW.plusSeconds(600), NOW);
            }
            assertThat(Files.readAllLines(file()).size()).as("header and lines").isLessThanOrEqualTo(1 + 1024 + 10);
            assertThat(d.size()).isEqualTo(10);
        }

        try (DeliveredJournal journal = DeliveredJournal.open(file(), 10, NOW)) {
            DeliveredEnvelopes d = new DeliveredEnvelopes(10, journal);
            assertThat(d.contains("a.example", "P4999", NOW)).isTrue();
            assertThat(d.contains("a.example", "P4989", NOW)).isFalse();
        }
    }

    @Test
    void unwritableDirectory_setWorksInMemory() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("no-such-dir"), "a file, so nothing can be created under it");
        Path missing = notADirectory.resolve("semp-delivered");

        try (DeliveredJournal journal = DeliveredJournal.open(missing, 10, NOW)) {
            DeliveredEnvelopes d = new DeliveredEnvelopes(10, journal);
            d.remember("a.example", "P1", NOW.plusSeconds(60), NOW);
            assertThat(d.contains("a.example", "P1", NOW)).isTrue();
        }
        assertThat(Files.exists(missing)).isFalse();
    }
}
