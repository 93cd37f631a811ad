package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.egress.discovery.DiscoveryFixture.D;
import static sempgw.semp.egress.discovery.DiscoveryFixture.SRV;
import static sempgw.semp.egress.discovery.DiscoveryFixture.cause;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sempgw.semp.egress.discovery.DiscoveryResult.Cause;

/** Downgrade pins and accepted revisions kept in a file across discovery instances (a restart). */
final class PinJournalTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final DiscoveryFixture fixture = new DiscoveryFixture();

    private Path file() {
        return dir.resolve("discovery-pins");
    }

    private SempDiscovery discovery() {
        return fixture.discovery(DiscoveryConfig.defaults(), 3, Optional.of(PinJournal.at(file())));
    }

    @Test
    void restart_pinnedDomainLosesItsRecords_stillPinnedByANewInstance() throws Exception {
        fixture.sempDomain(17);
        try (SempDiscovery first = discovery()) {
            assertThat(first.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        }
        assertThat(Files.readAllLines(file())).containsExactly(PinJournal.HEADER,
                "example.com " + fixture.clock().instant().getEpochSecond() + " 17");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(file());

        fixture.recordsGone();
        fixture.clock().advance(Duration.ofDays(29));
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.PINNED);
        fixture.clock().advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void restart_acceptedRevisionRemembered_lowerOneRefusedAsRollback() {
        fixture.sempDomain(17);
        try (SempDiscovery first = discovery()) {
            first.discover(D);
        }
        fixture.configs().serve("semp.example.com:443", TestConfigs.document(D, 16, 3600));
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.CONFIG_ROLLBACK);
    }

    @Test
    void optOut_clearsThePinInTheFileToo() {
        fixture.sempDomain(1);
        try (SempDiscovery first = discovery()) {
            first.discover(D);
            fixture.dns().clear(SRV).srv(SRV, 0, 0, 0, ".", 3600);
            first.invalidate(D);
            fixture.clock().advance(SempHistory.WRITE_INTERVAL);
            assertThat(first.discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
        }
        fixture.recordsGone();
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void changesWithinTheWriteInterval_pendingUntilTheNextOperationAfterItOrClose() throws Exception {
        SempHistory history = new SempHistory(fixture.clock(), Duration.ofDays(30), Duration.ofDays(30), 100,
                Optional.of(PinJournal.at(file())));
        history.sawSemp("a.example", 1);
        history.sawSemp("b.example", 1);
        assertThat(Files.readAllLines(file())).hasSize(2);
        fixture.clock().advance(SempHistory.WRITE_INTERVAL);
        history.pinnedUntil("x.example");
        assertThat(Files.readAllLines(file())).hasSize(3);
        history.sawSemp("c.example", 1);
        assertThat(Files.readAllLines(file())).hasSize(3);
        history.flush();
        assertThat(Files.readAllLines(file())).hasSize(4);
    }

    @Test
    void corruptFile_loggedMovedAsideAndStartsWithoutPins() throws Exception {
        Files.writeString(file(), PinJournal.HEADER + "\nexample.com not-a-time 17\n");
        fixture.sempDomain(1);
        fixture.recordsGone();
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
        assertThat(dir.resolve("discovery-pins.corrupt")).exists();
    }

    @Test
    void load_badHeaderTruncatedOrUnknownDomainSyntax_allCorrupt() throws Exception {
        Instant now = fixture.clock().instant();
        for (String text : List.of("semp-pins 2\n", PinJournal.HEADER + "\nexample.com 1 1", PinJournal.HEADER + "\nEXAMPLE.com 1 1\n",
                PinJournal.HEADER + "\nexample.com 1 1\nexample.com 2 2\n", PinJournal.HEADER + "\nexample.com 1 -1\n", "")) {
            Files.writeString(file(), text);
            assertThat(PinJournal.at(file()).load(100, now)).as(text).isEmpty();
        }
    }

    @Test
    void load_moreLinesThanTheBound_keepsTheMostRecentlySeen_expiredDropped_futureClamped() throws Exception {
        Instant now = fixture.clock().instant();
        Files.writeString(file(), PinJournal.HEADER + "\nold.example " + now.minus(Duration.ofDays(31)).getEpochSecond() + " 1\n"
                + "a.example 100 1\nb.example " + now.getEpochSecond() + " 2\nc.example " + now.plusSeconds(999).getEpochSecond() + " 3\n");

        assertThat(PinJournal.at(file()).load(2, now)).containsOnlyKeys("b.example", "c.example")
                .containsEntry("c.example", new PinJournal.Entry(now, 3));
        SempHistory history = new SempHistory(fixture.clock(), Duration.ofDays(30), Duration.ofDays(30), 100,
                Optional.of(PinJournal.at(file())));
        assertThat(history.pinnedUntil("old.example")).isEmpty();
        assertThat(history.pinnedUntil("b.example")).contains(now.plus(Duration.ofDays(30)));
    }

    @Test
    void noFile_startsEmptyWithoutError() {
        assertThat(PinJournal.at(file()).load(100, fixture.clock().instant())).isEmpty();
        assertThat(file()).doesNotExist();
    }
}
