package sempgw.semp.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.core.crypto.RandomSource;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.semp.egress.testing.MutableClock;

final class DeliveredReceiptsTest {
    private static final DomainSigningPrivateKey PEER = DomainSigningPrivateKey.generate(RandomSource.secure());

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

    private static DeliveryReceipt receipt(String envelope, Instant at) {
        return DeliveryReceipt.issue(envelope.getBytes(StandardCharsets.UTF_8), "peer.example", at, PEER);
    }

    @Test
    void keep_thenFind_theReceiptJsonOfThatEnvelope_alsoAfterReopening() throws Exception {
        DeliveryReceipt first = receipt("{\"a\":1}", clock.instant());
        try (DeliveredReceipts receipts = DeliveredReceipts.open(dir, clock)) {
            receipts.keep("01JENVELOPEA", first);
            receipts.keep("01JENVELOPEB", receipt("{\"b\":2}", clock.instant()));
            assertThat(receipts.find("01JENVELOPEA")).contains(first.toJson());
            assertThat(receipts.find("01JNOSUCHENV")).isEmpty();
        }
        try (DeliveredReceipts reopened = DeliveredReceipts.open(dir, clock)) {
            assertThat(reopened.find("01JENVELOPEA")).contains(first.toJson());
            assertThat(DeliveryReceipt.parse(reopened.find("01JENVELOPEA").orElseThrow()).verify("{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                    "peer.example", java.util.List.of(PEER.publicKey()), clock.instant())).isEmpty();
        }
        Path file = dir.resolve("2026-11-26.jsonl");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /** Its file names are envelope ids: the directory is the owner's alone, as its files are. */
    @Test
    void open_createsAMissingDirectoryOwnerOnly() throws Exception {
        Path receipts = dir.resolve("data").resolve("semp-receipts");
        DeliveredReceipts.open(receipts, clock).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(receipts))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(receipts.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void find_aRetriedEnvelope_newestReceipt_andALineCutShortIsSkipped() throws Exception {
        DeliveryReceipt later = receipt("{\"a\":1}", clock.instant().plusSeconds(60));
        try (DeliveredReceipts receipts = DeliveredReceipts.open(dir, clock)) {
            receipts.keep("01JENVELOPEA", receipt("{\"a\":1}", clock.instant()));
            receipts.keep("01JENVELOPEA", later);
        }
        Files.writeString(dir.resolve("2026-11-26.jsonl"), "{\"envelope_id\":\"01JENVELOPEA\",\"rece", StandardOpenOption.APPEND);

        try (DeliveredReceipts receipts = DeliveredReceipts.open(dir, clock)) {
            assertThat(receipts.find("01JENVELOPEA")).contains(later.toJson());
        }
    }

    @Test
    void sweep_dayFilesGoThirtyDaysAfterTheirDayBegan() throws Exception {
        try (DeliveredReceipts receipts = DeliveredReceipts.open(dir, clock)) {
            receipts.keep("01JENVELOPEA", receipt("{\"a\":1}", clock.instant()));
            clock.advance(Duration.ofDays(1));
            receipts.keep("01JENVELOPEB", receipt("{\"b\":2}", clock.instant()));

            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-25T23:59:59Z")));
            receipts.sweep();
            assertThat(receipts.find("01JENVELOPEA")).isPresent();
            clock.advance(Duration.ofSeconds(1));
            receipts.sweep();
            assertThat(receipts.find("01JENVELOPEA")).isEmpty();
            assertThat(receipts.find("01JENVELOPEB")).isPresent();
        }
    }
}
