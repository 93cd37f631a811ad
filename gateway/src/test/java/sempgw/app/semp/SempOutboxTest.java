package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sempgw.app.testing.InMemoryQueue;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.Ulid;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.semp.ingress.receive.InMemoryKnownCorrespondents;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;

final class SempOutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    private final InMemoryQueue queue = new InMemoryQueue(Clock.systemUTC());
    private final InMemoryKnownCorrespondents known = new InMemoryKnownCorrespondents();
    private final SempOutbox outbox = new SempOutbox("A.test", queue, null, known);

    @Test
    void submit_composedEnvelope_oneEntryPerEnvelopeWithItsRecipientsAndTheEnvelopeJson() throws Exception {
        Envelope envelope = composed("a.test", "b.test");
        QueueId id = outbox.submit(new ComposedEnvelope(envelope, List.of("bob@b.test", "carol@b.test"), false), "alice@a.test");

        QueueEntry entry = queue.latest(id);
        assertThat(entry.sender().reversePath()).isEqualTo("alice@a.test");
        assertThat(entry.origin().protocol()).isEqualTo(SempOutbox.PROTOCOL);
        assertThat(entry.recipients()).extracting(r -> r.recipient().address()).containsExactly("bob@b.test", "carol@b.test");
        assertThat(EnvelopeCodec.decode(queue.content(id), 1 << 20).envelope()).isEqualTo(envelope);
        assertThat(outbox.pending()).extracting(QueueEntry::id).containsExactly(id);
    }

    /** DELIVERY.md §6.4.1: having sent to a domain makes its replies known-correspondent traffic, outside the first-contact rate limit. */
    @Test
    void submit_recordsThePeerDomainAsKnownToTheSender() throws Exception {
        assertThat(known.isKnown("alice@a.test", "b.test")).isFalse();
        outbox.submit(new ComposedEnvelope(composed("a.test", "b.test"), List.of("bob@b.test"), false), "alice@a.test");
        assertThat(known.isKnown("alice@a.test", "b.test")).isTrue();
        assertThat(known.isKnown("carol@a.test", "b.test")).isFalse();
    }

    @Test
    void submit_notFromOurDomain_refusedAndNothingQueued() {
        assertThatThrownBy(() -> outbox.submit(new ComposedEnvelope(composed("c.test", "b.test"), List.of("bob@b.test"), false), "alice@a.test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postmark.from_domain");
        assertThatThrownBy(() -> outbox.submit(new ComposedEnvelope(composed("a.test", "b.test"), List.of("bob@b.test"), false), "alice@c.test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sender address");
        assertThat(queue.all()).isEmpty();
        assertThat(known.isKnown("alice@a.test", "b.test")).isFalse();
    }

    @Test
    void submit_toOurDomainOrRecipientElsewhere_refused() {
        assertThatThrownBy(() -> outbox.submit(new ComposedEnvelope(composed("a.test", "a.test"), List.of("bob@a.test"), false), "alice@a.test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("our own domain");
        assertThatThrownBy(() -> outbox.submit(new ComposedEnvelope(composed("a.test", "b.test"), List.of("bob@c.test"), false), "alice@a.test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postmark.to_domain");
        assertThat(queue.all()).isEmpty();
    }

    /** An unsealed envelope with opaque payloads, as the composer leaves it. */
    private static Envelope composed(String fromDomain, String toDomain) {
        RandomSource random = RandomSource.secure();
        Postmark postmark = Postmark.of(Ulid.next(T0, random::nextBytes), "", fromDomain, toDomain, T0.plus(Duration.ofHours(1)));
        Map<String, String> wraps = Map.of(HexFormat.of().formatHex(random.bytes(32)), Base64.getEncoder().encodeToString(random.bytes(80)));
        return new Envelope(Envelope.VERSION, postmark, Seal.unsigned(SuiteId.X25519_CHACHA20_POLY1305, wraps, wraps),
                Base64.getEncoder().encodeToString(random.bytes(120)), Base64.getEncoder().encodeToString(random.bytes(360)), "");
    }
}
