package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.envelope.brief.Brief;

final class RecipientFactsTest {
    private static final Brief VISIBLE = Brief.of("m1", "alice@a.test", List.of("bob@b.test", "carol@c.test", "dave@b.test"),
            Instant.parse("2026-11-26T00:00:00Z"));

    @Test
    void localRecipients_openCopy_toAndCcAtOurDomain() {
        assertThat(RecipientFacts.localRecipients(VISIBLE, "b.test")).containsExactly("bob@b.test", "dave@b.test");
    }

    @Test
    void localRecipients_blindCopy_onlyItsBccRecipient_notTheVisibleOnes() {
        assertThat(RecipientFacts.localRecipients(VISIBLE.withBcc(List.of("erin@b.test")), "b.test")).containsExactly("erin@b.test");
    }

    @Test
    void localRecipients_blindCopyForAnotherDomain_noneHere() {
        assertThat(RecipientFacts.localRecipients(VISIBLE.withBcc(List.of("erin@e.test")), "b.test")).isEmpty();
    }
}
