package sempgw.smtp.egress.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Recipient.Notify;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Sender.BodyType;
import sempgw.store.queue.Sender.DsnRet;

final class TransactionPlannerTest {

    private static final Capabilities FULL = Capabilities.parse(SmtpReply.of(250,
            List.of("mx", "PIPELINING", "SIZE 1000", "8BITMIME", "DSN", "SMTPUTF8")));
    private static final Capabilities BARE = Capabilities.none();
    private static final Supplier<ContentTraits> NO_SCAN = () -> fail("content must not be scanned");

    @Test
    void plan_fullServer_passesSizeBodyAndDsnParameters() {
        Sender sender = new Sender("alice@example.com", Optional.of(DsnRet.HDRS), Optional.of("id+1 x"), BodyType.EIGHT_BIT_MIME, false);
        Recipient bob = new Recipient("bob@example.org", Set.of(Notify.SUCCESS, Notify.FAILURE), Optional.of("rfc822;bob+tag@example.org"));

        TransactionPlan plan = TransactionPlanner.plan(sender, List.of(bob, Recipient.of("carol@example.org")), 500, FULL, NO_SCAN);

        assertThat(plan.mailCommand()).isEqualTo("MAIL FROM:<alice@example.com> SIZE=500 BODY=8BITMIME RET=HDRS ENVID=id+2B1+20x");
        assertThat(plan.rcpts()).extracting(TransactionPlan.Rcpt::command).containsExactly(
                "RCPT TO:<bob@example.org> NOTIFY=FAILURE,SUCCESS ORCPT=rfc822;bob+2Btag@example.org",
                "RCPT TO:<carol@example.org>");
        assertThat(plan.refused()).isEmpty();
        assertThat(plan.smtpUtf8()).isFalse();
    }

    @Test
    void plan_serverWithoutDsn_dropsDsnParameters() {
        Sender sender = new Sender("alice@example.com", Optional.of(DsnRet.FULL), Optional.of("x"), BodyType.SEVEN_BIT, false);
        Recipient bob = new Recipient("bob@example.org", Set.of(Notify.NEVER), Optional.of("rfc822;bob@example.org"));

        TransactionPlan plan = TransactionPlanner.plan(sender, List.of(bob), 10, BARE, NO_SCAN);

        assertThat(plan.mailCommand()).isEqualTo("MAIL FROM:<alice@example.com>");
        assertThat(plan.rcpts().getFirst().command()).isEqualTo("RCPT TO:<bob@example.org>");
    }

    @Test
    void plan_overSizeLimit_refusesAllPermanently() {
        TransactionPlan plan = TransactionPlanner.plan(Sender.of("a@x.test"), List.of(Recipient.of("b@y.test")), 1001, FULL, NO_SCAN);

        assertThat(plan.rcpts()).isEmpty();
        assertThat(plan.refused().get(0).oneLine()).startsWith("552 5.3.4");
    }

    @Test
    void plan_utf8RecipientWithoutSmtpUtf8_refusesOnlyThatRecipient() {
        Sender sender = new Sender("a@x.test", Optional.empty(), Optional.empty(), BodyType.EIGHT_BIT_MIME, true);
        List<Recipient> rcpts = List.of(Recipient.of("b@y.test"), Recipient.of("j\u00f6rg@y.test"));

        TransactionPlan plan = TransactionPlanner.plan(sender, rcpts, 10, BARE, () -> new ContentTraits(false, false));

        assertThat(plan.rcpts()).extracting(TransactionPlan.Rcpt::index).containsExactly(0);
        assertThat(plan.refused().get(1).oneLine()).startsWith("553 5.6.7");
        assertThat(plan.mailCommand()).isEqualTo("MAIL FROM:<a@x.test>");
    }

    @Test
    void plan_idnDomainsWithoutSmtpUtf8_sentAsALabels() {
        Sender sender = new Sender("a@b\u00fccher.test", Optional.empty(), Optional.empty(), BodyType.SEVEN_BIT, false);

        TransactionPlan plan = TransactionPlanner.plan(sender, List.of(Recipient.of("info@m\u00fcnchen.test")), 10, BARE, NO_SCAN);

        assertThat(plan.refused()).isEmpty();
        assertThat(plan.smtpUtf8()).isFalse();
        assertThat(plan.mailCommand()).isEqualTo("MAIL FROM:<a@xn--bcher-kva.test>");
        assertThat(plan.rcpts().getFirst().command()).isEqualTo("RCPT TO:<info@xn--mnchen-3ya.test>");
    }

    @Test
    void plan_utf8SenderWithoutSmtpUtf8_refusesAll() {
        Sender sender = new Sender("j\u00f6rg@x.test", Optional.empty(), Optional.empty(), BodyType.SEVEN_BIT, true);

        TransactionPlan plan = TransactionPlanner.plan(sender, List.of(Recipient.of("b@y.test")), 10, BARE, NO_SCAN);

        assertThat(plan.rcpts()).isEmpty();
        assertThat(plan.refused().get(0).status()).contains(new EnhancedStatus(5, 6, 7));
    }

    @Test
    void plan_utf8HeadersWithoutSmtpUtf8_refusesAll() {
        Sender sender = new Sender("a@x.test", Optional.empty(), Optional.empty(), BodyType.EIGHT_BIT_MIME, true);

        TransactionPlan plan = TransactionPlanner.plan(sender, List.of(Recipient.of("b@y.test")), 10, BARE, () -> new ContentTraits(true, true));

        assertThat(plan.refused().get(0).oneLine()).startsWith("554 5.6.9");
    }

    @Test
    void plan_smtpUtf8Server_usesParameterAndUnitextOrcpt() {
        Sender sender = new Sender("j\u00f6rg@x.test", Optional.empty(), Optional.empty(), BodyType.EIGHT_BIT_MIME, true);
        Recipient r = new Recipient("b\u00fc@y.test", Set.of(), Optional.of("utf-8;b\u00fc@y.test"));

        TransactionPlan plan = TransactionPlanner.plan(sender, List.of(r), 10, FULL, NO_SCAN);

        assertThat(plan.smtpUtf8()).isTrue();
        assertThat(plan.mailCommand()).isEqualTo("MAIL FROM:<j\u00f6rg@x.test> SIZE=10 BODY=8BITMIME SMTPUTF8");
        assertThat(plan.rcpts().getFirst().command()).isEqualTo("RCPT TO:<b\u00fc@y.test> ORCPT=utf-8;b\u00fc@y.test");
        assertThat(TransactionPlanner.plan(sender, List.of(Recipient.of("b\u00fc@\u00fc.test")), 10, FULL, NO_SCAN).rcpts().getFirst().command())
                .as("as given to a next hop with SMTPUTF8").isEqualTo("RCPT TO:<b\u00fc@\u00fc.test>");
    }

    @Test
    void plan_eightBitBodyWithout8bitmime_refusedAsConversionNeeded() {
        Sender sender = new Sender("a@x.test", Optional.empty(), Optional.empty(), BodyType.EIGHT_BIT_MIME, false);

        TransactionPlan plan = TransactionPlanner.plan(sender, List.of(Recipient.of("b@y.test")), 10, BARE, () -> new ContentTraits(false, true));

        assertThat(plan.refused().get(0).oneLine()).startsWith("554 5.6.3");
    }

    @Test
    void plan_declared8bitButAsciiContent_sentWithoutBody() {
        Sender sender = new Sender("a@x.test", Optional.empty(), Optional.empty(), BodyType.EIGHT_BIT_MIME, false);

        TransactionPlan plan = TransactionPlanner.plan(sender, List.of(Recipient.of("b@y.test")), 10, BARE, () -> new ContentTraits(false, false));

        assertThat(plan.refused()).isEmpty();
        assertThat(plan.mailCommand()).isEqualTo("MAIL FROM:<a@x.test>");
    }

    @Test
    void plan_nullSender_emptyReversePath() {
        TransactionPlan plan = TransactionPlanner.plan(Sender.of(""), List.of(Recipient.of("b@y.test")), 10, BARE, NO_SCAN);

        assertThat(plan.mailCommand()).isEqualTo("MAIL FROM:<>");
    }

    @Test
    void encodeOrcpt_nonAsciiWithoutSmtpUtf8_utf8AddrXtext() {
        assertThat(TransactionPlanner.encodeOrcpt("rfc822;b\u00fc@y.test", false)).isEqualTo("utf-8;b\\x{FC}@y.test");
    }
}
