package sempgw.semp.ingress.receive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sempgw.core.envelope.brief.Brief;

/**
 * What the pipeline knows about one local recipient, gathered on one code path whether the
 * address exists or not: every lookup runs for every recipient (DELIVERY.md §6.4.3 "MUST NOT ...
 * use faster code paths for them", §6.5.1 identical counting).
 *
 * @param address the recipient, canonical (ENVELOPE.md §2.3)
 * @param exists whether it is a mailbox here
 * @param block the matching entry of its block list (DELIVERY.md §5)
 * @param known whether the sender domain is a known correspondent (DELIVERY.md §6.4.1)
 * @param tokenSatisfied whether {@code seal.first_contact_token} verifies for it (HANDSHAKE.md §2.2a.4)
 */
record RecipientFacts(String address, boolean exists, Optional<UserBlockList.Action> block, boolean known, boolean tokenSatisfied) {

    /**
     * The recipients of this copy in {@code localDomain}, in brief order, without repeats: a blind
     * copy is for its {@code bcc} recipient alone, while its {@code to} and {@code cc} only show who
     * else got the message (ENVELOPE.md §5.3: one copy per Bcc recipient; the others get the copy
     * without {@code bcc}); any other copy is for its {@code to} and {@code cc} recipients.
     */
    static List<String> localRecipients(Brief brief, String localDomain) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : brief.bcc().isEmpty() ? brief.allRecipients() : brief.bcc()) {
            if (a.substring(a.lastIndexOf('@') + 1).equals(localDomain)) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** The facts of each of {@code recipients}. */
    static List<RecipientFacts> gather(List<String> recipients, LocalUsers users, String senderAddress, String senderDomain,
                                       Optional<String> tokenRecipient) {
        List<RecipientFacts> out = new ArrayList<>(recipients.size());
        for (String r : recipients) {
            boolean exists = users.mailboxes().exists(r);
            Optional<UserBlockList.Action> block = users.blockList().match(r, senderAddress, senderDomain);
            boolean known = users.knownCorrespondents().isKnown(r, senderDomain);
            out.add(new RecipientFacts(r, exists, block, known, tokenRecipient.filter(r::equals).isPresent()));
        }
        return out;
    }

    /** Traffic DELIVERY.md §6.5 counts: not a known correspondent, or no such mailbox. */
    boolean firstContact() {
        return !known || !exists;
    }

    /** Whether this recipient refuses the envelope under {@code mode} (DELIVERY.md §6.4.2). */
    boolean refuses(FirstContactEnforcement.Mode mode) {
        boolean gated = mode == FirstContactEnforcement.Mode.CHALLENGE && !known && !tokenSatisfied;
        return !exists || block.isPresent() || gated;
    }
}
