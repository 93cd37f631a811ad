package sempgw.core.envelope.seal;

import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.brief.Brief;

/**
 * Domain-, server- and user-level delivery policy, applied with the decrypted brief (ENVELOPE.md
 * §7.2 step 7, §10.6): block lists, first-contact rules, rate limits.
 */
@FunctionalInterface
public interface DeliveryPolicy {

    /** The decision for an envelope whose seal, session and brief all checked out. */
    PolicyDecision check(Postmark postmark, Brief brief);
}
