package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.semp.egress.discovery.DiscoveryResult.Cause;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.semp.egress.testing.TestDnsServer;

/** Downgrade pins and accepted revisions kept in a file across discovery instances (a restart). */
final class PinJournalTest {
    private static final String D = "example.com";
    private static final String SRV = "_semp._tcp.example.com";

    @TempDir
    Path dir;
    private TestDnsServer dns;
    private FakeConfigs configs;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer().zone(D, 3600, 300);
        configs = new FakeConfigs();
        clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private Path file() {
        return dir.resolve("discovery-pins");
    }

    private SempDiscovery discovery() {
        return new SempDiscovery(dns.resolver(), configs, clock, new SplittableRandom(3),
                DiscoveryConfig.defaults().withDnsTimeout(Duration.ofSeconds(2)), Optional.of(PinJournal.at(file())));
    }

    private void sempDomain(long revision) {
        dns.srv(SRV, 10, 10, 443, "semp.example.com", 3600).mx(D, 10, "mx.example.com", 3600);
        configs.serve("semp.example.com:443", TestConfigs.document(D, revision, 3600));
    }

    private void recordsGone() {
        dns.clear(SRV);
        configs.fail("example.com:443", ConfigError.NOT_FOUND);
    }

    private static Cause cause(DiscoveryResult r) {
        assertThat(r).isInstanceOf(DiscoveryResult.Temporary.class);
        return ((DiscoveryResult.Temporary) r).cause();
    }

    @Test
    void restart_pinnedDomainLosesItsRecords_stillPinnedByANewInstance() throws Exception {
        sempDomain(17);
        try (SempDiscovery first = discovery()) {
            assertThat(first.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        }
        assertThat(Files.readAllLines(file())).containsExactly(PinJournal.HEADER,
                "example.com " + clock.instant().getEpochSecond() + " 17");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(file());

        recordsGone();
        clock.advance(Duration.ofDays(29));
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.PINNED);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void restart_acceptedRevisionRemembered_lowerOneRefusedAsRollback() {
        sempDomain(17);
        try (SempDiscovery first = discovery()) {
            first.discover(D);
        }
        configs.serve("semp.example.com:443", TestConfigs.document(D, 16, 3600));
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.CONFIG_ROLLBACK);
    }

    @Test
    void optOut_clearsThePinInTheFileToo() {
        sempDomain(1);
        try (SempDiscovery first = discovery()) {
            first.discover(D);
            dns.clear(SRV).srv(SRV, 0, 0, 0, ".", 3600);
            first.invalidate(D);
            clock.advance(SempHistory.WRITE_INTERVAL);
            assertThat(first.discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
        }
        recordsGone();
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void changesWithinTheWriteInterval_pendingUntilTheNextOperationAfterItOrClose() throws Exception {
        SempHistory history = new SempHistory(clock, Duration.ofDays(30), Duration.ofDays(30), 100, Optional.of(PinJournal.at(file())));
        history.sawSemp("a.example", 1);
        history.sawSemp("b.example", 1);
        assertThat(Files.readAllLines(file())).hasSize(2);
        clock.advance(SempHistory.WRITE_INTERVAL);
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
        sempDomain(1);
        recordsGone();
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
        assertThat(dir.resolve("discovery-pins.corrupt")).exists();
    }

    @Test
    void load_badHeaderTruncatedOrUnknownDomainSyntax_allCorrupt() throws Exception {
        Instant now = clock.instant();
        for (String text : List.of("semp-pins 2\n", PinJournal.HEADER + "\nexample.com 1 1", PinJournal.HEADER + "\nEXAMPLE.com 1 1\n",
                PinJournal.HEADER + "\nexample.com 1 1\nexample.com 2 2\n", PinJournal.HEADER + "\nexample.com 1 -1\n", "")) {
            Files.writeString(file(), text);
            assertThat(PinJournal.at(file()).load(100, now)).as(text).isEmpty();
        }
    }

    @Test
    void load_moreLinesThanTheBound_keepsTheMostRecentlySeen_expiredDropped_futureClamped() throws Exception {
        Instant now = clock.instant();
        Files.writeString(file(), PinJournal.HEADER + "\nold.example " + now.minus(Duration.ofDays(31)).getEpochSecond() + " 1\n"
                + "a.example 100 1\nb.example " + now.getEpochSecond() + " 2\nc.example " + now.plusSeconds(999).getEpochSecond() + " 3\n");

        assertThat(PinJournal.at(file()).load(2, now)).containsOnlyKeys("b.example", "c.example")
                .containsEntry("c.example", new PinJournal.Entry(now, 3));
        SempHistory history = new SempHistory(clock, Duration.ofDays(30), Duration.ofDays(30), 100, Optional.of(PinJournal.at(file())));
        assertThat(history.pinnedUntil("old.example")).isEmpty();
        assertThat(history.pinnedUntil("b.example")).contains(now.plus(Duration.ofDays(30)));
    }

    @Test
    void noFile_startsEmptyWithoutError() {
        assertThat(PinJournal.at(file()).load(100, clock.instant())).isEmpty();
        assertThat(file()).doesNotExist();
    }
}
