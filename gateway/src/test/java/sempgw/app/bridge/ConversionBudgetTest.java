package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The conversion budget holds back deliveries that would not fit, and gives back what it lent, once. */
final class ConversionBudgetTest {
    static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void reserve_messagesThatFit_granted_thenTheRestWaitsAndTimesOut() throws Exception {
        ConversionBudget budget = new ConversionBudget(8L << 20);

        Optional<ConversionBudget.Reservation> a = budget.reserve(512 << 10, NO_WAIT);
        Optional<ConversionBudget.Reservation> b = budget.reserve(512 << 10, NO_WAIT);
        Optional<ConversionBudget.Reservation> c = budget.reserve(1, Duration.ofMillis(50));

        assertThat(a).isPresent();
        assertThat(b).isPresent();
        assertThat(c).isEmpty();
        assertThat(budget.available()).isZero();
    }

    @Test
    void close_givesTheShareBackOnce_andAWaitingDeliveryProceeds() throws Exception {
        ConversionBudget budget = new ConversionBudget(8L << 20);
        ConversionBudget.Reservation all = budget.reserve(1L << 20, NO_WAIT).orElseThrow();
        CompletableFuture<Optional<ConversionBudget.Reservation>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.reserve(1L << 20, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        all.close();
        all.close();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isPresent();
        assertThat(budget.available()).isZero();
    }

    @Test
    void reserve_messageLargerThanTheWholeBudget_takesAllOfIt_andRunsAlone() throws Exception {
        ConversionBudget budget = new ConversionBudget(8L << 20);

        try (ConversionBudget.Reservation huge = budget.reserve(50L << 20, NO_WAIT).orElseThrow()) {
            assertThat(budget.available()).isZero();
            assertThat(budget.reserve(1, NO_WAIT)).isEmpty();
        }
        assertThat(budget.available()).isEqualTo(8 << 10);
    }

    @Test
    void reserve_ordinaryMail_takesAlmostNothingOfTheHeapBudget() throws Exception {
        ConversionBudget budget = ConversionBudget.ofHeap();
        int before = budget.available();

        try (ConversionBudget.Reservation r = budget.reserve(5 << 10, NO_WAIT).orElseThrow()) {
            assertThat(before - budget.available()).isEqualTo(40);
        }
    }
}
