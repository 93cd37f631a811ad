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
}
