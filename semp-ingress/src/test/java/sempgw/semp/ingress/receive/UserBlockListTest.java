package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.receive.ReceiveFixture.ALICE;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.CAROL;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;

import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.delivery.Acknowledgment;

/** User block lists after brief decryption (DELIVERY.md §5, §6.2, §8.2). */
final class UserBlockListTest {
    private final ReceiveFixture f = new ReceiveFixture();

    @Test
    void receive_userBlockedRejected_isPolicyForbiddenNeverBlocked() throws Exception {
        f.blocks.blockUser(BOB, ALICE, UserBlockList.Action.REJECTED);
        Acknowledgment.Rejected r = ReceiveFixture.rejected(f.receive(ReceiveFixture.sealedTo(BOB)));
        assertThat(r.reason()).isEqualTo(SempReason.POLICY_FORBIDDEN);
        assertThat(r.text()).isEqualTo(Replies.POLICY_TEXT);
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void receive_domainBlockedSilent_isSilentAndNotStored() throws Exception {
        f.blocks.blockDomain(BOB, PEER, UserBlockList.Action.SILENT);
        assertThat(f.receive(ReceiveFixture.sealedTo(BOB))).isInstanceOf(ReceiveOutcome.Silent.class);
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void receive_blockOnAnotherRecipient_doesNotAffectThisOne() throws Exception {
        f.blocks.blockUser(CAROL, ALICE, UserBlockList.Action.REJECTED);
        assertThat(ReceiveFixture.ack(f.receive(ReceiveFixture.sealedTo(BOB)))).isInstanceOf(Acknowledgment.Delivered.class);
    }

    @Test
    void receive_oneOfTwoRecipientsBlocks_refusesTheEnvelope() throws Exception {
        f.blocks.blockUser(CAROL, ALICE, UserBlockList.Action.REJECTED);
        assertThat(ReceiveFixture.reason(f.receive(ReceiveFixture.sealedTo(BOB, CAROL)))).isEqualTo(SempReason.POLICY_FORBIDDEN);
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void match_userEntryWinsOverDomainEntry() {
        InMemoryUserBlockList list = new InMemoryUserBlockList();
        list.blockDomain(BOB, PEER, UserBlockList.Action.SILENT);
        list.blockUser(BOB, ALICE, UserBlockList.Action.REJECTED);
        assertThat(list.match(BOB, ALICE, PEER)).contains(UserBlockList.Action.REJECTED);
        assertThat(list.match(BOB, "eve@a.example", PEER)).contains(UserBlockList.Action.SILENT);
        assertThat(list.match(CAROL, ALICE, PEER)).isEmpty();
    }
}
