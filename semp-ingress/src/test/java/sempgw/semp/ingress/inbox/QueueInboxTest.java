package sempgw.semp.ingress.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.brief.Brief;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueKey;
import sempgw.store.queue.RecipientStatus;

/** The durable inbox over a real {@link FsQueue}: one committed entry per envelope, surviving a reopen. */
final class QueueInboxTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FsQueue open() throws IOException {
        try (QueueKey key = QueueKey.loadOrCreate(dir.resolve("queue.key"))) {
            return FsQueue.open(dir.resolve("inbox"), key, CLOCK);
        }
    }

    /** An accepted envelope as the pipeline hands it over; the inbox reads only ids, addresses and the wire bytes. */
    private static AcceptedEnvelope accepted(String postmarkId, String fromDomain, String sender, List<String> recipients, byte[] wire,
                                             Instant at) {
        Envelope e = new Envelope(Envelope.VERSION, Postmark.of(postmarkId, "01JSESSION", fromDomain, "b.example", at.plusSeconds(3600)),
                Seal.unsigned(SuiteId.PQ_KYBER768_X25519, Map.of(), Map.of()), "", "", "");
        return new AcceptedEnvelope(e, Brief.of("m-1", sender, recipients.isEmpty() ? List.of("x@b.example") : recipients, at),
                recipients, wire, at);
    }

    private static byte[] content(MessageQueue queue, QueueEntry entry) throws IOException {
        try (InputStream in = queue.openContent(entry.id())) {
            return in.readAllBytes();
        }
    }

    @Test
    void store_thenReopen_entryWithSenderRecipientsAndWireBytesSurvives() throws Exception {
        byte[] wire = "{\"type\":\"SEMP_ENVELOPE\",\"padding\":\"xyz\"}".getBytes(StandardCharsets.UTF_8);
        AcceptedEnvelope accepted = accepted("01JPOSTMARK", "a.example", "alice@a.example",
                List.of("bob@b.example", "carol@b.example"), wire, NOW);
        try (FsQueue queue = open()) {
            new QueueInbox(queue).store(accepted);
            assertThat(queue.entries()).hasSize(1);
        }

        try (FsQueue reopened = open()) {
            assertThat(reopened.entries()).hasSize(1);
            QueueEntry entry = reopened.entries().getFirst();
            assertThat(entry.sender().reversePath()).isEqualTo("alice@a.example");
            assertThat(entry.sender().smtpUtf8()).isFalse();
            assertThat(entry.recipients()).extracting(RecipientStatus::recipient).extracting(r -> r.address())
                    .containsExactly("bob@b.example", "carol@b.example");
            assertThat(entry.origin().protocol()).isEqualTo(QueueInbox.PROTOCOL);
            assertThat(entry.origin().heloName()).isEqualTo("a.example");
            assertThat(content(reopened, entry)).isEqualTo(wire);
        }
    }

    @Test
    void store_nonAsciiSender_marksSmtpUtf8() throws Exception {
        try (FsQueue queue = open()) {
            new QueueInbox(queue).store(accepted("01JP", "a.example", "jörg@a.example", List.of("bob@b.example"),
                    new byte[] {'{', '}'}, NOW));
            assertThat(queue.entries().getFirst().sender().smtpUtf8()).isTrue();
        }
    }

    @Test
    void store_closedQueue_throwsSoNothingIsAcknowledged() throws Exception {
        FsQueue queue = open();
        queue.close();
        QueueInbox inbox = new QueueInbox(queue);
        assertThatThrownBy(() -> inbox.store(accepted("01JP", "a.example", "alice@a.example", List.of("bob@b.example"),
                new byte[] {'{', '}'}, NOW))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acceptedEnvelope_withoutRecipients_isRefusedAndToStringHidesAddresses() {
        assertThatIllegalArgumentException().isThrownBy(() -> accepted("01JP", "a.example", "alice@a.example", List.of(),
                new byte[0], NOW));
        String s = accepted("01JP", "a.example", "alice@a.example", List.of("bob@b.example"), new byte[3], NOW).toString();
        assertThat(s).contains("01JP").doesNotContain("alice").doesNotContain("bob");
    }

    @Test
    void acceptedEnvelope_forRecipients_keepsEnvelopeBriefAndWireForASubsetOnly() {
        byte[] wire = new byte[3];
        AcceptedEnvelope a = accepted("01JP", "a.example", "alice@a.example", List.of("bob@b.example", "carol@b.example"), wire, NOW);
        AcceptedEnvelope bob = a.forRecipients(List.of("bob@b.example"));
        assertThat(bob.localRecipients()).containsExactly("bob@b.example");
        assertThat(bob.envelope()).isSameAs(a.envelope());
        assertThat(bob.brief()).isSameAs(a.brief());
        assertThat(bob.wire()).isSameAs(wire);
        assertThat(bob.postmarkId()).isEqualTo("01JP");
        assertThat(bob.fromDomain()).isEqualTo("a.example");
        assertThat(bob.senderAddress()).isEqualTo("alice@a.example");
        assertThatIllegalArgumentException().isThrownBy(() -> a.forRecipients(List.of("dave@b.example")));
    }
}
