package sempgw.core.envelope.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sempgw.core.envelope.brief.Brief;

/**
 * Which envelopes a draft becomes (ENVELOPE.md §5.3; SPEC-DIGEST-SERVER §3 "Bcc = one envelope
 * per Bcc recipient"):
 * <ol>
 *   <li>one per recipient domain for the To and Cc recipients, whose brief has no {@code bcc};</li>
 *   <li>one per Bcc recipient, whose brief lists only that recipient in {@code bcc}.</li>
 * </ol>
 * A postmark names one {@code to_domain}, so each copy carries the keys of one domain's
 * recipients. Addresses are deduplicated; a Bcc address also in To or Cc gets no extra copy.
 */
final class CopyPlan {

    /** One envelope to build. */
    record Copy(String domain, List<String> recipients, Brief brief, boolean blind) {
    }

    private CopyPlan() {
    }

    static List<Copy> of(Brief brief) {
        Set<String> open = new LinkedHashSet<>(brief.to());
        open.addAll(brief.cc());
        Map<String, List<String>> byDomain = new LinkedHashMap<>();
        for (String a : open) {
            byDomain.computeIfAbsent(domainOf(a), d -> new ArrayList<>()).add(a);
        }
        List<Copy> copies = new ArrayList<>();
        Brief visible = brief.withBcc(List.of());
        byDomain.forEach((domain, recipients) -> copies.add(new Copy(domain, recipients, visible, false)));
        for (String a : new LinkedHashSet<>(brief.bcc())) {
            if (!open.contains(a)) {
                copies.add(new Copy(domainOf(a), List.of(a), brief.withBcc(List.of(a)), true));
            }
        }
        return copies;
    }

    private static String domainOf(String canonicalAddress) {
        return canonicalAddress.substring(canonicalAddress.lastIndexOf('@') + 1);
    }
}
