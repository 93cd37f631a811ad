package sempgw.app.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;

/**
 * Envelopes composed before a run, per sending domain, for one suite: {@code alice@aNN.example}
 * to {@value BenchKeys#MAILBOX}, one recipient, a text body of {@link #BODY_BYTES} (the anchors'
 * 5 KB message). Composing is what the sender does when it queues a message, not per attempt,
 * so it is done beforehand on every core. Each envelope is delivered once per receiving gateway
 * (its {@code postmark.id} is remembered there); a fresh receiver per configuration lets the
 * pool serve the next configuration again.
 */
final class MailPool {
    static final int BODY_BYTES = 5120;

    private final Map<String, List<ComposedMail>> byDomain = new LinkedHashMap<>();

    private MailPool() {
    }

    /** {@code counts.get(domain)} envelopes from each domain, composed on {@code threads} threads. */
    static MailPool compose(BenchKeys keys, SuiteId suite, Map<String, Integer> counts, int threads) throws Exception {
        MailPool pool = new MailPool();
        Instant now = Instant.now();
        RecipientKeys recipientKeys = new RecipientKeys(Map.of(BenchKeys.RECEIVER, keys.receiverEncryption.get(suite).publicKey()),
                Map.of(BenchKeys.MAILBOX, List.of(keys.mailbox.get(suite).publicKey())));
        String body = "x".repeat(BODY_BYTES - 40) + "\n";
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            Map<String, List<Future<ComposedMail>>> futures = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                String domain = e.getKey();
                Sender sender = Sender.of(keys.identities.get(domain));
                List<Future<ComposedMail>> mine = futures.computeIfAbsent(domain, d -> new ArrayList<>());
                for (int i = 0; i < e.getValue(); i++) {
                    String queueId = "B%s%06d".formatted(domain.substring(0, 3).toUpperCase(), i);
                    mine.add(workers.submit(() -> compose(domain, queueId, sender, suite, recipientKeys, body, now)));
                }
            }
            for (Map.Entry<String, List<Future<ComposedMail>>> e : futures.entrySet()) {
                List<ComposedMail> mails = new ArrayList<>();
                for (Future<ComposedMail> f : e.getValue()) {
                    mails.add(f.get());
                }
                pool.byDomain.put(e.getKey(), mails);
            }
        }
        return pool;
    }

    private static ComposedMail compose(String domain, String queueId, Sender sender, SuiteId suite, RecipientKeys keys, String body,
                                        Instant now) throws Exception {
        RandomSource random = RandomSource.secure();
        EnvelopeComposer composer = new EnvelopeComposer(ComposeOptions.defaults(suite), random, PostmarkIds.ulid(now, random));
        Draft draft = new Draft(Brief.of(queueId + "@" + domain, "alice@" + domain, List.of(BenchKeys.MAILBOX), now),
                Enclosure.of("benchmark " + queueId, "text/plain", body));
        var envelope = composer.compose(draft, sender, keys, "", now).getFirst().envelope();
        return ComposedMail.of(domain, queueId, EnvelopeCodec.encode(envelope), now);
    }

    List<ComposedMail> of(String domain) {
        return byDomain.getOrDefault(domain, List.of());
    }

    int size() {
        return byDomain.values().stream().mapToInt(List::size).sum();
    }
}
