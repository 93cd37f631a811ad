package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class MessageBudgetTest {

    @Test
    void tryReserve_beyondWhatIsLeft_refusedWithoutTakingAnything() {
        MessageBudget budget = new MessageBudget(100);

        assertThat(budget.tryReserve(60)).isTrue();
        assertThat(budget.tryReserve(50)).isFalse();
        assertThat(budget.available()).isEqualTo(40);
        assertThat(budget.tryReserve(40)).isTrue();
    }

    @Test
    void release_returnsBytesForLaterReservations() {
        MessageBudget budget = new MessageBudget(100);
        budget.tryReserve(100);

        budget.release(70);

        assertThat(budget.tryReserve(70)).isTrue();
        assertThat(budget.available()).isZero();
    }
}
