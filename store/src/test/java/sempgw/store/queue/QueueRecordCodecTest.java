package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The envelope and status records: exact round trips, and malformed input is a corrupt entry, never a crash. */
final class QueueRecordCodecTest {
    private static final QueuedEnvelope ENVELOPE;

    static {
        try {
            ENVELOPE = new QueuedEnvelope(
                    new Sender("ålice@exämple.org", Optional.of(Sender.DsnRet.FULL), Optional.of("id+2B"), Sender.BodyType.EIGHT_BIT_MIME, true),
                    new Origin(InetAddress.getByName("2001:db8::1"), "mx.example", "ESMTPSA", Optional.of("alice")),
                    QueueFixtures.T0, 12345,
                    List.of(new Recipient("bob@example.net", Set.of(Recipient.Notify.NEVER), Optional.empty()),
                            new Recipient("carol@example.com", Set.of(Recipient.Notify.DELAY, Recipient.Notify.SUCCESS),
                                    Optional.of("utf-8;carol@example.com"))));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void envelope_encodeDecode_roundTrips() throws IOException {
        assertThat(QueuedEnvelope.decode(ENVELOPE.encode())).isEqualTo(ENVELOPE);
    }

    @Test
    void envelope_toEntry_startsEveryRecipientQueued() {
        QueueEntry entry = ENVELOPE.toEntry(new QueueId("08DsZfpsDgal6X"));
        assertThat(entry.recipients()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(RecipientState.QUEUED);
            assertThat(r.nextAttempt()).isEqualTo(QueueFixtures.T0);
            assertThat(r.attempts()).isZero();
        });
    }

    @Test
    void envelope_truncatedOrExtended_isCorrupt() {
        byte[] encoded = ENVELOPE.encode();
        for (int cut = 0; cut < encoded.length; cut++) {
            byte[] shorter = Arrays.copyOf(encoded, cut);
            assertThatThrownBy(() -> QueuedEnvelope.decode(shorter)).isInstanceOf(CorruptEntryException.class);
        }
        assertThatThrownBy(() -> QueuedEnvelope.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(CorruptEntryException.class).hasMessageContaining("trailing data");
    }

    @Test
    void statusRecord_encodeDecode_roundTrips() throws IOException {
        StatusRecord record = new StatusRecord(3, RecipientState.DEFERRED, 2, QueueFixtures.T0.plusSeconds(900),
                Optional.of("421 4.4.2 timeout"), true, Optional.empty());
        assertThat(StatusRecord.decode(record.encode())).isEqualTo(record);
    }

    @Test
    void statusRecord_withReason_roundTripsCodeDetailAndStatus() throws IOException {
        StatusRecord record = new StatusRecord(0, RecipientState.BOUNCED, 1, QueueFixtures.T0,
                Optional.of("recipient_not_found: no such user"), false,
                Optional.of(new DeliveryResult.Reason("recipient_not_found", "no such user", Optional.of("5.1.1"))));
        assertThat(StatusRecord.decode(record.encode())).isEqualTo(record);
        StatusRecord noStatus = new StatusRecord(0, RecipientState.DEFERRED, 1, QueueFixtures.T0,
                Optional.of("semp; silent: no acknowledgment"), false, Optional.of(new DeliveryResult.Reason("silent", "")));
        assertThat(StatusRecord.decode(noStatus.encode())).isEqualTo(noStatus);
    }

    @Test
    void statusRecord_version1WrittenByTheEarlierFormat_readsWithoutReason() throws IOException {
        byte[] version1 = new Wire.Out().u8(1).i32(2).string("DEFERRED").i32(4).instant(QueueFixtures.T0)
                .optString(Optional.of("semp; transport: connection refused")).bool(true).toByteArray();

        StatusRecord record = StatusRecord.decode(version1);

        assertThat(record).isEqualTo(new StatusRecord(2, RecipientState.DEFERRED, 4, QueueFixtures.T0,
                Optional.of("semp; transport: connection refused"), true, Optional.empty()));
    }

    @Test
    void statusRecord_version2TruncatedOrExtended_isCorrupt() {
        byte[] encoded = new StatusRecord(0, RecipientState.DEFERRED, 1, QueueFixtures.T0, Optional.of("x"), false,
                Optional.of(new DeliveryResult.Reason("silent", "none", Optional.of("4.4.2")))).encode();
        for (int cut = 0; cut < encoded.length; cut++) {
            byte[] shorter = Arrays.copyOf(encoded, cut);
            assertThatThrownBy(() -> StatusRecord.decode(shorter)).isInstanceOf(CorruptEntryException.class);
        }
        assertThatThrownBy(() -> StatusRecord.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(CorruptEntryException.class).hasMessageContaining("trailing data");
    }

    @Test
    void statusRecord_reasonWithInvalidCode_isCorruptNotACrash() {
        byte[] encoded = new Wire.Out().u8(2).i32(0).string("DEFERRED").i32(1).instant(QueueFixtures.T0)
                .optString(Optional.empty()).bool(false).bool(true).string("no spaces allowed").string("").optString(Optional.empty())
                .toByteArray();
        assertThatThrownBy(() -> StatusRecord.decode(encoded)).isInstanceOf(CorruptEntryException.class).hasMessageContaining("bad reason");
    }

    @Test
    void statusRecord_unknownVersion_isCorrupt() {
        byte[] encoded = new Wire.Out().u8(3).i32(0).string("DEFERRED").i32(0).instant(QueueFixtures.T0)
                .optString(Optional.empty()).bool(false).toByteArray();
        assertThatThrownBy(() -> StatusRecord.decode(encoded)).isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("unsupported version");
    }

    @Test
    void statusRecord_unknownState_isCorrupt() {
        byte[] encoded = new Wire.Out().u8(1).i32(0).string("LOST").i32(0).instant(QueueFixtures.T0)
                .optString(Optional.empty()).bool(false).toByteArray();
        assertThatThrownBy(() -> StatusRecord.decode(encoded)).isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("unknown RecipientState");
    }
}
