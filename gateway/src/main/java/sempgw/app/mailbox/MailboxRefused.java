package sempgw.app.mailbox;

/** A mailbox change the store refuses (not our domain, already provisioned, not provisioned); the message says why. */
public final class MailboxRefused extends Exception {
    MailboxRefused(String reason) {
        super(reason);
    }
}
