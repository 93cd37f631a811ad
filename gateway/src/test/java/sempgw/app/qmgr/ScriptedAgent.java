package sempgw.app.qmgr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

/** A delivery agent whose answer tests set; records every call. */
final class ScriptedAgent implements DeliveryAgent {
    record Call(QueueEntry entry, List<Recipient> recipients) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Recipient, DeliveryResult> answer = r -> new DeliveryResult.Delivered("250 2.0.0 ok");

    void answer(Function<Recipient, DeliveryResult> answer) {
        this.answer = answer;
    }

    @Override
    public List<DeliveryResult> deliver(QueueEntry entry, List<Recipient> recipients, ContentSource content) {
        calls.add(new Call(entry, recipients));
        Function<Recipient, DeliveryResult> a = answer;
        return recipients.stream().map(a).toList();
    }
}
