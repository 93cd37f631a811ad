package sempgw.semp.ingress.receive;

/**
 * The local mailboxes the gateway serves. Implementations should answer in time independent of
 * the answer; the pipeline itself treats existing and nonexistent addresses on one code path
 * (DELIVERY.md §6.4.3).
 */
@FunctionalInterface
public interface Mailboxes {

    /** Whether {@code address} (canonical, ENVELOPE.md §2.3) is a mailbox here. */
    boolean exists(String address);
}
