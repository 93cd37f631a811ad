package sempgw.semp.ingress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.semp.ingress.federation.FederationFixture.NOW;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class BlockListTest {

    @Test
    void match_domainAndServerEntries_caseAndTrailingDotInsensitiveSilentWins() {
        BlockList list = new BlockList(List.of(
                BlockList.Entry.of(BlockList.Target.DOMAIN, "Spam.Example", BlockList.Acknowledgment.REJECTED),
                BlockList.Entry.of(BlockList.Target.SERVER, "mx.spam.example", BlockList.Acknowledgment.SILENT)));

        assertThat(list.match("spam.example.", Optional.empty(), NOW)).hasValue(BlockList.Acknowledgment.REJECTED);
        assertThat(list.match("spam.example", Optional.of("MX.spam.example"), NOW)).hasValue(BlockList.Acknowledgment.SILENT);
        assertThat(list.match("sub.spam.example", Optional.of("other"), NOW)).isEmpty();
    }

    @Test
    void entry_ipAddressOrRange_refused() {
        for (String name : List.of("192.0.2.1", "2001:db8::1", "192.0.2.0/24", "")) {
            assertThatThrownBy(() -> BlockList.Entry.of(BlockList.Target.SERVER, name, BlockList.Acknowledgment.REJECTED))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
