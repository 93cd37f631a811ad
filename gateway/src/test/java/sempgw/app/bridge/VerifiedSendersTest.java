package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class VerifiedSendersTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final VerifiedSenders.Key BOB = new VerifiedSenders.Key("bob@b.example", "bob@b.example", "ed25519:01");
    private static final VerifiedSenders.Key CAROL = new VerifiedSenders.Key("carol@b.example", "carol@b.example", "ed25519:02");
    private static final VerifiedSenders.Key DAVE = new VerifiedSenders.Key("dave@b.example", "dave@b.example", "ed25519:03");

    @Test
    void fresh_untilMaxAgeAfterVerification() {
        VerifiedSenders senders = new VerifiedSenders(10, Duration.ofDays(30));
        senders.put(BOB, NOW);

        assertThat(senders.fresh(BOB, NOW.plus(Duration.ofDays(30)).minusMillis(1))).isTrue();
        assertThat(senders.fresh(BOB, NOW.plus(Duration.ofDays(30)))).isFalse();
        assertThat(senders.fresh(new VerifiedSenders.Key("bob@b.example", "bob@b.example", "ed25519:09"), NOW)).isFalse();
    }

    @Test
    void put_overCapacity_leastRecentlyUsedDropped() {
        VerifiedSenders senders = new VerifiedSenders(2, Duration.ofDays(30));
        senders.put(BOB, NOW);
        senders.put(CAROL, NOW);
        senders.fresh(BOB, NOW);

        senders.put(DAVE, NOW);

        assertThat(senders.fresh(BOB, NOW)).isTrue();
        assertThat(senders.fresh(CAROL, NOW)).isFalse();
        assertThat(senders.fresh(DAVE, NOW)).isTrue();
    }

    @Test
    void new_reverifyAgeOverThirtyDays_refused() {
        assertThatThrownBy(() -> new VerifiedSenders(10, Duration.ofDays(31))).isInstanceOf(IllegalArgumentException.class);
    }
}
