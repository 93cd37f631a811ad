package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.app.testing.InMemoryQueue;
import sempgw.core.envelope.Ulid;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.Sender;

/** Every composition of a queued message carries the same ids, and distinct messages, batches and envelopes distinct ones. */
final class StableIdsTest {
    private static final Instant ARRIVED = Instant.parse("2026-11-26T12:00:00.123Z");
    private static final List<String> BATCH = List.of("bob@beta.test", "carol@beta.test");

    private static QueueEntry entry(String id, String sender) {
        return new QueueEntry(new QueueId(id), Sender.of(sender), Origin.local(),
                List.of(InMemoryQueue.pending("bob@beta.test", RecipientState.QUEUED, ARRIVED)), ARRIVED, 100);
    }

    private static List<String> three(PostmarkIds ids) {
        return List.of(ids.next(), ids.next(), ids.next());
    }

    @Test
    void sameMessageComposedAgain_sameMessageIdAndPostmarkIds() {
        QueueEntry e = entry("Q7ABCDEF0001", "alice@alpha.test");

        assertThat(StableIds.messageId(entry("Q7ABCDEF0001", "alice@alpha.test"))).isEqualTo(StableIds.messageId(e));
        assertThat(three(StableIds.postmarkIds(e, "beta.test", BATCH))).isEqualTo(three(StableIds.postmarkIds(e, "beta.test", BATCH)));
    }

    @Test
    void idsAreUlidsOfTheArrivalTime() {
        QueueEntry e = entry("Q7ABCDEF0001", "alice@alpha.test");
        String timePart = Ulid.of(ARRIVED, new byte[10]).substring(0, 10);

        assertThat(StableIds.messageId(e)).matches("[0-9A-HJKMNP-TV-Z]{26}").startsWith(timePart);
        assertThat(StableIds.postmarkIds(e, "beta.test", BATCH).next()).matches("[0-9A-HJKMNP-TV-Z]{26}").startsWith(timePart);
    }

    @Test
    void otherMessageBatchOrPlace_otherIds() {
        QueueEntry e = entry("Q7ABCDEF0001", "alice@alpha.test");
        List<String> envelopes = three(StableIds.postmarkIds(e, "beta.test", BATCH));

        assertThat(envelopes).doesNotHaveDuplicates();
        assertThat(StableIds.messageId(entry("Q7ABCDEF0002", "alice@alpha.test"))).isNotEqualTo(StableIds.messageId(e));
        assertThat(StableIds.messageId(entry("Q7ABCDEF0001", "dave@alpha.test"))).isNotEqualTo(StableIds.messageId(e));
        assertThat(StableIds.postmarkIds(entry("Q7ABCDEF0002", "alice@alpha.test"), "beta.test", BATCH).next()).isNotIn(envelopes);
        assertThat(StableIds.postmarkIds(e, "gamma.test", BATCH).next()).isNotIn(envelopes);
        assertThat(StableIds.postmarkIds(e, "beta.test", List.of("bob@beta.test")).next()).isNotIn(envelopes);
        assertThat(StableIds.messageId(e)).isNotIn(envelopes);
    }
}
