package sempgw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import sempgw.e2e.bridge.BridgeWorld;
import sempgw.e2e.bridge.GatewayCli;
import sempgw.e2e.bridge.Mails;
import sempgw.e2e.corpus.BridgeCheck;
import sempgw.e2e.corpus.BridgeComparison;
import sempgw.e2e.corpus.BridgeCorpus;
import sempgw.e2e.corpus.MimeEntity;
import sempgw.e2e.corpus.SigningKeys;
import sempgw.e2e.corpus.TestMessage;
import sempgw.e2e.corpus.VerificationHeader;
import sempgw.e2e.postfix.PostfixConfig;
import sempgw.e2e.postfix.PostfixInstance;
import sempgw.e2e.postfix.PostfixPackage;
import sempgw.e2e.smtp.Envelope;
import sempgw.e2e.smtp.Injector;
import sempgw.e2e.smtp.SinkMessage;
import sempgw.e2e.smtp.SmtpClient;
import sempgw.e2e.smtp.SmtpReply;
import sempgw.e2e.smtp.SmtpSink;
import sempgw.e2e.support.BuildPaths;
import sempgw.e2e.support.FreePorts;
import sempgw.e2e.support.Progress;

/**
 * The bridge end to end (issue 5, tests 1 to 3): Postfix relays to gateway A ({@code alpha.test},
 * its own process), which delivers over SEMP to gateway B ({@code beta.test}, its own process),
 * which delivers to the beta mailbox host (a recording sink). Discovery goes through a real
 * dnsmasq serving the records {@code dns-records} printed ({@link BridgeWorld}).
 * <ol>
 *   <li>B blocks alpha.test: a message A accepted while B was down becomes a DSN naming
 *       {@code blocked}; a new message gets a 5xx naming it at the end of DATA; once B lifts the
 *       block, mail flows again.</li>
 *   <li>200 varied messages into Postfix over 4 sessions all reach their recipients at beta and
 *       compare equal: body parts by SHA-256, user-visible headers, no Bcc, one passing
 *       SEMP-Verification, signatures still verifying ({@link BridgeComparison}); nothing leaves
 *       in clear.</li>
 *   <li>One transaction with a SEMP, a legacy and an unknown recipient: each takes its path.</li>
 *   <li>semp-required (recipient domain, sender, {@code SEMP-Require: yes}) to a legacy domain:
 *       5.7.x at the end of DATA, nothing sent.</li>
 *   <li>SERVFAIL for the recipient domain: accepted, kept in the queue, never sent in clear.</li>
 *   <li>Bob's reply to alice keeps In-Reply-To and References across both conversions.</li>
 *   <li>B down: accepted, and delivered once B is back.</li>
 * </ol>
 * The scenarios share one world and run in this order; those that restart B come first and last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class PostfixBridgeIT {
    static final long SEED = 20261126L;
    static final int MESSAGES = 200;
    private static final Duration CORPUS_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final String ALICE = "alice@alpha.test";
    private static final String ERIN = "erin@alpha.test";
    private static final String BOB = "bob@beta.test";
    private static final String ALPHA_TOML = """
            [policy]
            default_mode = "semp-preferred"
            senders = { "erin@alpha.test" = "semp-required" }
            recipient_domains = { "strict.test" = "semp-required" }

            [bridge]
            attempt_timeout = "30s"
            """;
    private static final String BETA_TOML = """
            [policy]
            default_mode = "semp-preferred"

            [bridge]
            attempt_timeout = "30s"
            """;

    private final Progress progress = new Progress("postfix-bridge");
    private BridgeWorld world;
    private PostfixInstance postfix;

    @BeforeAll
    void start() throws Exception {
        Path run = BuildPaths.freshRunDirectory("postfix-bridge");
        List<String> alphaMailboxes = new java.util.ArrayList<>(BridgeCorpus.SENDERS);
        alphaMailboxes.add(ERIN);
        world = BridgeWorld.start(run, new BridgeWorld.Options(alphaMailboxes, BridgeCorpus.RECIPIENTS, ALPHA_TOML, BETA_TOML), progress);
        postfix = PostfixInstance.start(PostfixPackage.unpackInto(BuildPaths.buildDirectory()), PostfixConfig.relayTo(
                BuildPaths.freshDaemonDirectory("postfix-bridge-postfix"), FreePorts.next(), "[127.0.0.1]:" + world.alpha().smtpPort()));
        progress.line("postfix :%d relays to gateway A", postfix.smtpPort());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (postfix != null) {
                postfix.close();
            }
        } finally {
            if (world != null) {
                world.close();
            }
        }
    }

    @Test
    @Order(1)
    void peerBlocksSender_afterAcceptanceADsnNamingTheCode_thenAtEndOfDataA5xxNamingIt() throws Exception {
        world.stopB();
        try {
            // While B is down the first attempt fails temporarily: 250, and the message waits in A's queue.
            SmtpClient.Outcome queued = sendToA(ALICE, List.of(BOB), "accepted, then refused", "it-blocked-later", Map.of());
            assertThat(queued.reply().code()).as("%s\n%s", queued, world.logs()).isEqualTo(250);
            world.startB(world.beta().blocking(List.of(BridgeWorld.ALPHA)));
            flushUntil(world.alphaMailboxHost(), all -> !Mails.containing(world.alphaMailboxHost(), "it-blocked-later").isEmpty(), DELIVERY);
            // After a 250, the peer's terminal refusal is a DSN naming the SEMP reason code (RFC 3464 §2.3.6).
            assertThat(Mails.containing(world.alphaMailboxHost(), "it-blocked-later")).as("DSN\n%s", world.logs()).singleElement()
                    .satisfies(m -> assertThat(m.recipients()).containsExactly(ALICE))
                    .satisfies(m -> assertThat(m.sender()).isEmpty())
                    .satisfies(m -> assertThat(Mails.text(m)).contains("Final-Recipient: rfc822; " + BOB, "Action: failed",
                            "Status: 5.7.1", "Diagnostic-Code: semp; blocked"));

            SmtpClient.Outcome refused = sendToA(ALICE, List.of(BOB), "blocked by the peer", "it-blocked", Map.of());
            progress.line("B blocks alpha.test: queued message %s, then a DSN; new message %s", queued, refused);
            assertThat(refused.stage()).isEqualTo("end of data");
            assertThat(refused.reply().code()).as("%s\n%s", refused, world.logs()).isBetween(500, 599);
            assertThat(refused.reply().text()).startsWith("5.7.1").contains("blocked");
            Thread.sleep(2000);
            for (String token : List.of("it-blocked", "it-blocked-later")) {
                assertThat(Mails.withToken(world.betaMailboxHost(), token)).as(token).isEmpty();
                assertThat(Mails.withToken(world.internet(), token)).as("%s sent in clear instead", token).isEmpty();
            }
            assertThat(Mails.containing(world.alphaMailboxHost(), "it-blocked]")).as("a DSN after a 5xx").isEmpty();
        } finally {
            world.stopB();
            world.startB(world.beta().blocking(List.of()));
        }
        // A holds a peer's terminal refusal for a while (it does not ask again at once); once that has passed, mail flows.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        SmtpClient.Outcome probe;
        int attempt = 0;
        do {
            Thread.sleep(attempt++ == 0 ? 0 : 5000);
            probe = sendToA(ALICE, List.of(BOB), "block lifted", "it-unblocked-" + attempt, Map.of());
        } while (probe.reply().code() != 250 && System.nanoTime() < deadline);
        progress.line("B lifted the block: %s after %d attempts", probe, attempt);
        assertThat(probe.reply().code()).as("mail to beta.test once the block is lifted\n%s", world.logs()).isEqualTo(250);
        assertThat(Mails.await(world.betaMailboxHost(), "it-unblocked-" + attempt, 1, DELIVERY)).hasSize(1);
    }

    @Test
    @Order(2)
    void postfixToAToB_twoHundredVariedMessages_allArriveAndCompareEqual() throws Exception {
        List<TestMessage> corpus = BridgeCorpus.generate(SEED, MESSAGES);
        progress.line("injecting %d messages (%d MiB) into postfix over 4 sessions", corpus.size(),
                corpus.stream().mapToLong(TestMessage::size).sum() >> 20);
        long t0 = System.nanoTime();
        java.time.Instant started = java.time.Instant.now();
        AtomicInteger done = new AtomicInteger();
        Map<String, SmtpReply> replies = Injector.injectAll(postfix.smtpPort(), corpus, 4, id -> {
            if (done.incrementAndGet() % 50 == 0) {
                progress.line("%d submitted to postfix", done.get());
            }
        });
        assertThat(replies.entrySet()).as("postfix's replies").filteredOn(e -> e.getValue().code() != 250).isEmpty();
        boolean arrived = awaitCorpus(corpus, started);
        double seconds = (System.nanoTime() - t0) / 1e9;
        BridgeCheck check = BridgeCheck.of(SEED, corpus, since(world.betaMailboxHost(), started));
        progress.line("beta holds %d messages after %.1f s; missing %d, problems %d, duplicates %d; peak RSS A %d MiB, B %d MiB",
                world.betaMailboxHost().count(), seconds, check.missing().size(), check.problems().size(), check.duplicates(),
                world.gatewayA().peakRssKib() >> 10, world.gatewayB().peakRssKib() >> 10);
        assertThat(arrived).as("every message at every recipient within %s\n%s\nDSNs to the senders:%s\npostfix log:\n%s\n%s",
                CORPUS_TIMEOUT, check.describe(), dsns(started), postfix.logTail(15), world.logs()).isTrue();
        assertThat(check.complete()).as(check.describe()).isTrue();
        assertThat(check.duplicates()).as("duplicates").isZero();
        assertThat(since(world.internet(), started)).as("messages that left in clear").isEmpty();
        assertThat(since(world.alphaMailboxHost(), started)).as("DSNs to the senders").isEmpty();
        assertThat(postfix.logLines("status=bounced")).as("postfix bounces").isEmpty();
        assertThat(postfix.queuedMessages()).as("left in postfix's queue").isZero();
        for (String bodyText : List.of("two leading dots", "tab-indented line", "From the start of a line")) {
            assertThat(world.gatewayA().logLines(bodyText)).as("content in gateway A's log").isEmpty();
            assertThat(world.gatewayB().logLines(bodyText)).as("content in gateway B's log").isEmpty();
        }
    }

    @Test
    @Order(3)
    void oneTransaction_sempLegacyAndUnknownRecipients_eachTakesItsPath() throws Exception {
        String legacy = "lena@" + BridgeWorld.LEGACY;
        String unknown = "nobody@" + BridgeWorld.BETA;
        SmtpClient.Outcome outcome = sendToA(ALICE, List.of(BOB, legacy, unknown), "mixed recipients", "it-mixed", Map.of());
        progress.line("mixed recipients: %s", outcome);
        assertThat(outcome.reply().code()).as("%s\n%s", outcome, world.logs()).isEqualTo(250);

        List<SinkMessage> atBeta = Mails.await(world.betaMailboxHost(), "it-mixed", 1, DELIVERY);
        List<SinkMessage> inClear = Mails.await(world.internet(), "it-mixed", 1, DELIVERY);
        world.alphaMailboxHost().await(all -> !Mails.containing(world.alphaMailboxHost(), "it-mixed").isEmpty(), DELIVERY);
        List<SinkMessage> dsns = Mails.containing(world.alphaMailboxHost(), "it-mixed");
        Thread.sleep(1000);
        assertThat(atBeta).as("over SEMP to bob\n%s", world.logs()).singleElement()
                .satisfies(m -> assertThat(m.recipients()).containsExactly(BOB))
                .satisfies(m -> assertThat(VerificationHeader.problem(header(m, VerificationHeader.NAME), BridgeWorld.ALPHA)).isNull());
        // CLIENT.md §6.4.3: SMTP from a provisioned mailbox carries the upgrade signal; no verification field in clear.
        assertThat(Mails.withToken(world.internet(), "it-mixed")).as("in clear to the legacy recipient only").singleElement()
                .satisfies(m -> assertThat(m.recipients()).containsExactly(legacy))
                .satisfies(m -> assertThat(header(m, VerificationHeader.NAME)).isEmpty())
                .satisfies(m -> assertThat(header(m, "SEMP-Capability")).containsExactly("1"))
                .satisfies(m -> assertThat(header(m, "SEMP-Address")).containsExactly(ALICE))
                .satisfies(m -> assertThat(header(m, "SEMP-Domain")).containsExactly(BridgeWorld.ALPHA))
                .satisfies(m -> assertThat(header(m, "SEMP-Identity")).singleElement().asString().matches("[a-z0-9-]+:[0-9a-f]+"));
        assertThat(inClear).hasSize(1);
        // The unknown recipient (no published keys at beta): a DSN to alice, bad destination mailbox (RFC 3463 X.1.1).
        assertThat(dsns).as("DSN for %s\n%s", unknown, world.logs()).singleElement()
                .satisfies(m -> assertThat(m.recipients()).containsExactly(ALICE))
                .satisfies(m -> assertThat(m.sender()).isEmpty())
                .satisfies(m -> assertThat(Mails.text(m)).contains("Final-Recipient: rfc822; " + unknown, "Action: failed",
                        "Status: 5.1.1", "Diagnostic-Code: "))
                .satisfies(m -> assertThat(Mails.text(m)).doesNotContain("Final-Recipient: rfc822; " + BOB)
                        .doesNotContain("Final-Recipient: rfc822; " + legacy));
    }

    @Test
    @Order(4)
    void sempRequired_toLegacyDomain_refused57AtEndOfData_nothingSent() throws Exception {
        String strict = "sam@" + BridgeWorld.STRICT;
        String legacy = "lena@" + BridgeWorld.LEGACY;
        Map<String, SmtpClient.Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("recipient domain policy", sendToA(ALICE, List.of(strict), "strict domain", "it-required-domain", Map.of()));
        outcomes.put("sender policy", sendToA(ERIN, List.of(legacy), "strict sender", "it-required-sender", Map.of()));
        outcomes.put("SEMP-Require: yes", sendToA(ALICE, List.of(legacy), "author opts in", "it-required-header", Map.of("SEMP-Require", "yes")));
        progress.line("semp-required to legacy domains: %s", outcomes);
        outcomes.forEach((why, outcome) -> {
            assertThat(outcome.stage()).as(why).isEqualTo("end of data");
            assertThat(outcome.reply().code()).as(why + ": " + outcome).isBetween(550, 559);
            assertThat(outcome.reply().text()).as(why).matches("5\\.7\\.\\d .*");
        });
        Thread.sleep(2000);
        for (String token : List.of("it-required-domain", "it-required-sender", "it-required-header")) {
            assertThat(Mails.withToken(world.internet(), token)).as("%s sent in clear", token).isEmpty();
            assertThat(Mails.containing(world.alphaMailboxHost(), token)).as("%s: a DSN after a 5xx", token).isEmpty();
        }
    }

    @Test
    @Order(5)
    void dnsServfailForRecipientDomain_acceptedAndQueued_neverSentInClear() throws Exception {
        int servfailsBefore = world.dns().servfailQueries();
        SmtpClient.Outcome outcome = sendToA(ALICE, List.of("bert@" + BridgeWorld.BROKEN), "resolver trouble", "it-servfail", Map.of());
        progress.line("SERVFAIL domain: %s", outcome);
        assertThat(outcome.reply().code()).as("mail is never lost: durably accepted and deferred\n%s", world.logs()).isEqualTo(250);
        Thread.sleep(12_000);
        assertThat(world.dns().servfailQueries()).as("the gateway asked about broken.test").isGreaterThan(servfailsBefore);
        assertThat(Mails.withToken(world.internet(), "it-servfail")).as("sent in clear after SERVFAIL").isEmpty();
        assertThat(Mails.containing(world.alphaMailboxHost(), "it-servfail")).as("bounced after SERVFAIL").isEmpty();
        GatewayCli.Result queue = GatewayCli.queue(world.alphaConfig(), "list");
        assertThat(queue.out()).as("gateway A's queue\n%s", queue.err()).contains("bert@" + BridgeWorld.BROKEN);
        String id = queue.out().lines().filter(l -> !l.startsWith(" ") && !l.startsWith("QUEUE"))
                .filter(l -> l.contains(ALICE)).map(l -> l.split("\\s+")[0]).reduce((a, b) -> b).orElseThrow();
        GatewayCli.queue(world.alphaConfig(), "delete", id).orThrow();
    }

    @Test
    @Order(6)
    void bobRepliesToAlice_inReplyToAndReferencesKeptAcrossBothWorlds() throws Exception {
        String original = "<it-thread." + Long.toHexString(SEED) + "@alpha.test>";
        SmtpClient.Outcome first = sendToA(ALICE, List.of(BOB), original, "Quarterly report", "it-thread",
                Map.of("References", "<root-1@legacy.example>"));
        assertThat(first.reply().code()).as("%s", first).isEqualTo(250);
        SinkMessage atBob = Mails.await(world.betaMailboxHost(), "it-thread", 1, DELIVERY).stream().findFirst()
                .orElseThrow(() -> new AssertionError("alice's message never reached bob\n" + world.logs()));
        String bobSaw = header(atBob, "Message-ID").getFirst();
        // docs/conversion.md §4.2: the author's Message-ID is kept, so both mail clients can thread.
        assertThat(bobSaw).isEqualTo(original);
        assertThat(ids(atBob, "References")).as("References as alice sent them").containsExactly("<root-1@legacy.example>");

        byte[] reply = Mails.plain("<it-reply@beta.test>", "Bob <" + BOB + ">", List.of(ALICE), "Re: Quarterly report", "it-reply",
                Map.of("In-Reply-To", bobSaw, "References", "<root-1@legacy.example> " + bobSaw), "Thanks, see below.\n");
        try (SmtpClient b = SmtpClient.connect(world.beta().smtpPort(), Duration.ofSeconds(60))) {
            SmtpReply r = b.send(new Envelope(BOB, List.of(ALICE), false, false), reply);
            assertThat(r.code()).as("%s\n%s", r, world.logs()).isEqualTo(250);
        }
        SinkMessage atAlice = Mails.await(world.alphaMailboxHost(), "it-reply", 1, DELIVERY).stream().findFirst()
                .orElseThrow(() -> new AssertionError("bob's reply never reached alice\n" + world.logs()));
        List<String> inReplyTo = ids(atAlice, "In-Reply-To");
        List<String> references = ids(atAlice, "References");
        progress.line("alice sent %s; bob saw %s; alice's copy of the reply: In-Reply-To %s, References %s",
                original, bobSaw, inReplyTo, references);
        assertThat(VerificationHeader.problem(header(atAlice, VerificationHeader.NAME), BridgeWorld.BETA)).isNull();
        // CLIENT.md §6.4.4: In-Reply-To -> in_reply_to "legacy:<id>" -> In-Reply-To; References from the thread root and the parent.
        assertThat(inReplyTo).as("In-Reply-To names alice's own message").containsExactly(original);
        assertThat(references).as("References: the thread's root, then alice's message").containsExactly("<root-1@legacy.example>", original);
    }

    @Test
    @Order(7)
    void peerDown_acceptedWithin30s_deliveredAfterThePeerIsBack() throws Exception {
        world.stopB();
        long t0 = System.nanoTime();
        byte[] content = Mails.plain("<it-down@alpha.test>", "Alice <" + ALICE + ">", List.of(BOB), "while beta is down", "it-down",
                Map.of(), "Delivered later.\n");
        SmtpClient.Outcome outcome;
        try (SmtpClient a = SmtpClient.connect(world.alpha().smtpPort(), Duration.ofSeconds(90))) {
            outcome = a.transact(new Envelope(ALICE, List.of(BOB), false, false), content);
        }
        long acceptedMs = (System.nanoTime() - t0) / 1_000_000;
        progress.line("B down: %s after %d ms", outcome, acceptedMs);
        assertThat(outcome.reply().code()).as("%s\n%s", outcome, world.logs()).isEqualTo(250);
        assertThat(acceptedMs).as("bridge.attempt_timeout bounds the wait").isLessThan(40_000);
        Thread.sleep(3000);
        assertThat(Mails.withToken(world.internet(), "it-down")).as("sent in clear while the peer was down").isEmpty();
        assertThat(Mails.containing(world.alphaMailboxHost(), "it-down")).as("bounced while the peer was down").isEmpty();

        world.startB(world.beta());
        flushUntil(world.betaMailboxHost(), all -> !Mails.withToken(world.betaMailboxHost(), "it-down").isEmpty(), Duration.ofMinutes(3));
        List<SinkMessage> delivered = Mails.withToken(world.betaMailboxHost(), "it-down");
        progress.line("delivered after B came back: %d", delivered.size());
        assertThat(delivered).as("delivered once B is back\n%s", world.logs()).singleElement()
                .satisfies(m -> assertThat(BridgeComparison.differences(content, m.content(), SigningKeys.forSeed(SEED, ALICE),
                        BridgeWorld.ALPHA)).isEmpty());
    }

    /**
     * Flushes A's queue every 5 s until {@code sink} holds what {@code ready} waits for, or
     * {@code timeout} passes. A holds a peer it just failed to reach for 30 s, and after that SEMP's
     * own schedule (DELIVERY.md §2.3) waits a minute and more; an operator's flush, repeated,
     * reaches the peer as soon as A lets it.
     */
    private void flushUntil(SmtpSink sink, Predicate<List<SinkMessage>> ready, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        do {
            GatewayCli.queue(world.alphaConfig(), "flush");
        } while (!sink.await(ready, Duration.ofSeconds(5)) && System.nanoTime() < end);
    }

    private SmtpClient.Outcome sendToA(String from, List<String> to, String subject, String token, Map<String, String> extra)
            throws Exception {
        return sendToA(from, to, "<" + token + "." + Long.toHexString(SEED) + "@alpha.test>", subject, token, extra);
    }

    private SmtpClient.Outcome sendToA(String from, List<String> to, String messageId, String subject, String token,
                                       Map<String, String> extra) throws Exception {
        byte[] content = Mails.plain(messageId, "<" + from + ">", to, subject, token, extra, "Body of " + token + ".\n");
        try (SmtpClient a = SmtpClient.connect(world.alpha().smtpPort(), Duration.ofSeconds(90))) {
            return a.transact(new Envelope(from, to, false, false), content);
        }
    }

    /** Waits until every recipient has its copy; gives up early once a DSN to a sender says that one never will. */
    private boolean awaitCorpus(List<TestMessage> corpus, java.time.Instant started) throws InterruptedException {
        long deadline = System.nanoTime() + CORPUS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (world.betaMailboxHost().await(got -> BridgeCheck.unreached(corpus, got) == 0, Duration.ofSeconds(15))) {
                return true;
            }
            int unreached = BridgeCheck.unreached(corpus, world.betaMailboxHost().messages());
            progress.line("waiting: %d copies at beta, %d recipients not reached", world.betaMailboxHost().count(), unreached);
            if (since(world.alphaMailboxHost(), started).size() >= unreached) {
                return false;
            }
        }
        return false;
    }

    /** The status lines of the DSNs that reached alpha's mailboxes since {@code started}, for a failure message. */
    private String dsns(java.time.Instant started) {
        return since(world.alphaMailboxHost(), started).stream().flatMap(m -> Mails.text(m).lines()
                .filter(l -> l.startsWith("Final-Recipient:") || l.startsWith("Status:") || l.startsWith("Diagnostic-Code:")
                        || l.startsWith(" ") && l.length() < 100 || l.startsWith("Subject: ")))
                .reduce("", (a, b) -> a + "\n  " + b);
    }

    private static List<SinkMessage> since(SmtpSink sink, java.time.Instant start) {
        return sink.messages().stream().filter(m -> !m.receivedAt().isBefore(start)).toList();
    }

    private static List<String> header(SinkMessage m, String name) {
        return MimeEntity.header(m.content()).stream().filter(f -> f.name().equalsIgnoreCase(name)).map(MimeEntity.Field::value).toList();
    }

    private static List<String> ids(SinkMessage m, String name) {
        List<String> out = new java.util.ArrayList<>();
        for (String v : header(m, name)) {
            java.util.regex.Matcher x = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(v);
            while (x.find()) {
                out.add(x.group());
            }
        }
        return out;
    }
}
