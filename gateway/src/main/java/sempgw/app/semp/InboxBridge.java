package sempgw.app.semp;

import sempgw.app.mailbox.MailboxKeys;
import sempgw.semp.egress.keys.UserKeysClient;
import sempgw.semp.ingress.receive.Inbox;

/**
 * Where the receive pipeline's accepted envelopes go: the SEMP-to-SMTP bridge opens those for
 * provisioned mailboxes and queues them as MIME for the mailbox host, and passes the others to the
 * native inbox ({@code <data_dir>/semp-inbox}). Given by the application, so this package does not
 * depend on the bridge.
 */
@FunctionalInterface
public interface InboxBridge {

    /** Only the native inbox: no mailbox is bridged. */
    InboxBridge NONE = (natives, mailboxes, users) -> natives;

    /**
     * @param natives the native SEMP inbox, for recipients the bridge does not serve
     * @param mailboxes the provisioned mailboxes' keys
     * @param users peers' published user keys, for senders' identity keys
     */
    Inbox inbox(Inbox natives, MailboxKeys mailboxes, UserKeysClient users);
}
