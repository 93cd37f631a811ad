package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ConversationTurnsTest {
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final FakeFederation federation = new FakeFederation();
    private final List<TurnOutcome> outcomes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        federation.release();
        threads.shutdownNow();
    }

    private ConversationTurns turns(int maxPending) {
        return new ConversationTurns(threads, () -> federation.open(null, "ws"), Clock.systemUTC(), maxPending);
    }

    private ConversationTurns tunnelTurns(int maxPending, int maxConcurrent) {
        return new ConversationTurns(threads, () -> federation.open(null, "h2"), Clock.systemUTC(), maxPending, maxConcurrent);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(TurnOutcome outcome) {
        return new String(((TurnOutcome.Reply) outcome).body(), StandardCharsets.UTF_8);
    }

    @Test
    void submit_manyMessages_answeredOneAtATimeInArrivalOrder() throws Exception {
        ConversationTurns turns = turns(64);
        for (int i = 0; i < 50; i++) {
            assertThat(turns.submit(utf8("m" + i), outcomes::add)).isTrue();
        }
        turns.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 50);
        FakeFederation.Talk talk = federation.conversations.getFirst();
        assertThat(talk.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).hasSize(50);
        assertThat(text(outcomes.get(49))).isEqualTo("c1:50:m49");
        assertThat(talk.received).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "m" + i).toList());
        assertThat(talk.maxActive).hasValue(1);
    }

    @Test
    void submit_silentMalformedFinishedAndFailing_reportedAsValues() throws Exception {
        ConversationTurns turns = turns(8);
        turns.submit(utf8("silent"), outcomes::add);
        turns.submit(utf8("boom"), outcomes::add);
        turns.submit(utf8("garbage"), outcomes::add);
        turns.submit(utf8("bye"), outcomes::add);
        turns.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 4);
        assertThat(federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes.get(0)).isEqualTo(new TurnOutcome.Silent(false));
        assertThat(outcomes.get(1)).isInstanceOf(TurnOutcome.Failed.class);
        assertThat(outcomes.get(2)).isEqualTo(new TurnOutcome.Malformed(false));
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(TurnOutcome.Reply.class, reply -> assertThat(reply.finished()).isTrue());
    }

    @Test
    void finishedAndIdle_onlyWhenTheConversationFinishedAndNoMessageIsLeft() {
        ConversationTurns turns = turns(8);
        assertThat(turns.finishedAndIdle()).as("before the first message").isFalse();
        turns.submit(utf8("m1"), outcomes::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 1);
        assertThat(turns.finishedAndIdle()).as("a conversation going on").isFalse();

        turns.submit(utf8("bye"), outcomes::add);

        await().atMost(Duration.ofSeconds(5)).until(turns::finishedAndIdle);
    }

    @Test
    void submit_overPendingLimit_refused() {
        ConversationTurns turns = turns(2);

        assertThat(turns.submit(utf8("block"), outcomes::add)).isTrue();
        assertThat(turns.submit(utf8("a"), outcomes::add)).isTrue();
        assertThat(turns.submit(utf8("b"), outcomes::add)).isFalse();
    }

    @Test
    void close_waitsForRunningMessage_andRefusesLaterOnes() throws Exception {
        ConversationTurns turns = turns(8);
        turns.submit(utf8("block"), outcomes::add);
        turns.close();
        turns.close();

        assertThat(turns.submit(utf8("late"), outcomes::add)).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> !federation.conversations.isEmpty());
        Thread.sleep(100);
        assertThat(federation.conversations.getFirst().closed.getCount()).isEqualTo(1);
        federation.release();
        assertThat(federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).hasSize(1);
        assertThat(federation.conversations.getFirst().closeCalls).hasValue(1);
    }

    @Test
    void close_beforeAnyMessage_opensNothing() throws Exception {
        turns(8).close();

        Thread.sleep(50);
        assertThat(federation.conversations).isEmpty();
    }

    @Test
    void submit_envelopesOnATunnel_runSideBySideUpToTheLimit() throws Exception {
        ConversationTurns turns = tunnelTurns(8, 4);
        turns.submit(utf8("init"), outcomes::add);
        for (int i = 0; i < 10; i++) {
            assertThat(turns.submit(utf8("env-block-" + i), outcomes::add)).isTrue();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> !federation.conversations.isEmpty()
                && federation.conversations.getFirst().active() == 4);
        FakeFederation.Talk talk = federation.conversations.getFirst();
        Thread.sleep(100);
        assertThat(talk.maxActive).hasValue(4);
        assertThat(outcomes).hasSize(1);
        federation.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 11);
        assertThat(outcomes.subList(1, 11)).allSatisfy(o -> assertThat(text(o)).startsWith("c1:env-block-"));
        assertThat(outcomes.subList(1, 11).stream().map(ConversationTurnsTest::text).distinct()).hasSize(10);
        assertThat(talk.notAlone).hasValue(0);
    }

    @Test
    void submit_turnMessageBehindEnvelopes_waitsForThemAndHoldsBackLaterOnes() throws Exception {
        ConversationTurns turns = tunnelTurns(8, 32);
        turns.submit(utf8("init"), outcomes::add);
        turns.submit(utf8("env-block-1"), outcomes::add);
        turns.submit(utf8("env-block-2"), outcomes::add);
        turns.submit(utf8("rekey"), outcomes::add);
        turns.submit(utf8("env-after"), outcomes::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> !federation.conversations.isEmpty()
                && federation.conversations.getFirst().active() == 2);
        FakeFederation.Talk talk = federation.conversations.getFirst();
        Thread.sleep(150);
        assertThat(talk.received).containsExactlyInAnyOrder("init", "env-block-1", "env-block-2");
        federation.release();
        turns.close();

        assertThat(talk.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).hasSize(5);
        assertThat(talk.received).hasSize(5).endsWith("rekey", "env-after");
        assertThat(talk.notAlone).hasValue(0);
        assertThat(outcomes).filteredOn(o -> text(o).endsWith(":rekey")).singleElement()
                .satisfies(o -> assertThat(text(o)).isEqualTo("c1:4:rekey"));
    }

    @Test
    void submit_envelopesOverWebSocket_stillOneAtATime() throws Exception {
        ConversationTurns turns = turns(8);
        turns.submit(utf8("init"), outcomes::add);
        turns.submit(utf8("env-block-1"), outcomes::add);
        turns.submit(utf8("env-block-2"), outcomes::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> !federation.conversations.isEmpty()
                && federation.conversations.getFirst().received.size() == 2);
        FakeFederation.Talk talk = federation.conversations.getFirst();
        Thread.sleep(150);
        assertThat(talk.received).hasSize(2);
        federation.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 3);
        assertThat(talk.offered).hasValue(0);
        assertThat(talk.maxActive).hasValue(1);
        assertThat(outcomes.stream().map(ConversationTurnsTest::text)).containsExactly("c1:1:init", "c1:2:env-block-1", "c1:3:env-block-2");
    }

    @Test
    void submit_onATunnel_refusedBeyondPendingPlusLanes() {
        ConversationTurns turns = tunnelTurns(2, 4);

        assertThat(turns.submit(utf8("block"), outcomes::add)).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(turns.submit(utf8("env-" + i), outcomes::add)).isTrue();
        }
        assertThat(turns.submit(utf8("env-over"), outcomes::add)).isFalse();
    }
}
