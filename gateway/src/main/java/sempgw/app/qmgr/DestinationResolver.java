package sempgw.app.qmgr;

import sempgw.store.queue.Recipient;

/**
 * Names the destination a recipient's mail goes to: the unit of grouping and of the
 * concurrency limit (Postfix's "nexthop": a route's next hop, the smarthost, or the domain).
 */
@FunctionalInterface
public interface DestinationResolver {
    String destinationOf(Recipient recipient);
}
