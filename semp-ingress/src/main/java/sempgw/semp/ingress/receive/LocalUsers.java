package sempgw.semp.ingress.receive;

import java.util.Objects;

/**
 * What the pipeline asks about local recipients: existence, their block lists and their known
 * correspondents (DELIVERY.md §5, §6.4.1).
 */
public record LocalUsers(Mailboxes mailboxes, UserBlockList blockList, KnownCorrespondents knownCorrespondents) {
    public LocalUsers {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(blockList, "blockList");
        Objects.requireNonNull(knownCorrespondents, "knownCorrespondents");
    }
}
