package sempgw.app.bridge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sempgw.core.crypto.Digests;
import sempgw.core.envelope.Ulid;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.store.queue.QueueEntry;

/**
 * The ids of a queued message's SEMP form, derived from the message instead of drawn at random,
 * so that every composition of it carries the same ones: a retry after a restart, after the
 * composed-envelope cache dropped it ({@link ComposedCache}), or after its first envelopes
 * expired.
 * <ul>
 *   <li>{@code brief.message_id}: one per queued message, for every recipient domain.
 *   ENVELOPE.md §5 has it "stable across retries, forwards, and delivery attempts", for
 *   deduplication at the recipient level.</li>
 *   <li>{@code postmark.id}: one per envelope: the queued message, the peer domain, the
 *   recipients of the batch and the envelope's place in the composition (the To/Cc envelope, then
 *   one per Bcc recipient). A peer that stored an envelope recognises the retry of it
 *   (ENVELOPE.md §10.2), also when it was composed again.</li>
 * </ul>
 * Both are ULIDs (ENVELOPE.md §3.3) whose time is the message's arrival and whose other 80 bits
 * are SHA-256 of what they identify, with the sender's address first: distinct for distinct
 * messages, batches and envelopes.
 */
final class StableIds {
    private StableIds() {
    }

    /** The {@code brief.message_id} of {@code entry}. */
    static String messageId(QueueEntry entry) {
        return Ulid.of(entry.arrivedAt(), hash("message", entry, List.of()));
    }

    /** The {@code postmark.id}s of the envelopes composed for {@code recipients} at {@code domain}, in composition order. */
    static PostmarkIds postmarkIds(QueueEntry entry, String domain, List<String> recipients) {
        AtomicInteger place = new AtomicInteger();
        return () -> {
            List<String> parts = new ArrayList<>(recipients.size() + 2);
            parts.add(domain);
            parts.add(Integer.toString(place.getAndIncrement()));
            parts.addAll(recipients);
            return Ulid.of(entry.arrivedAt(), hash("postmark", entry, parts));
        };
    }

    /** SHA-256 of purpose, sender, queue id and {@code parts}, each followed by a NUL. */
    private static byte[] hash(String purpose, QueueEntry entry, List<String> parts) {
        StringBuilder in = new StringBuilder("sempgw-stable-id-v1\0").append(purpose).append('\0')
                .append(entry.sender().reversePath()).append('\0').append(entry.id().value()).append('\0');
        parts.forEach(p -> in.append(p).append('\0'));
        return Digests.sha256(in.toString().getBytes(StandardCharsets.UTF_8));
    }
}
