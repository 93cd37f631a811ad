package sempgw.e2e.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sempgw.e2e.smtp.SinkMessage;

/**
 * Matches what a mailbox sink received against the bridge corpus that was sent: every message
 * must reach each of its envelope recipients (To, Cc and Bcc alike), and every copy must compare
 * equal ({@link BridgeComparison}). Copies are matched by the test id in their Subject. A copy
 * that matches no sent message (a DSN, say) is a problem; a second copy for the same recipient
 * is a duplicate.
 *
 * @param missing "test id to recipient" for every recipient that got no copy
 */
public record BridgeCheck(List<String> missing, List<String> problems, int duplicates) {

    public static BridgeCheck of(long seed, List<TestMessage> sent, List<SinkMessage> delivered) {
        Map<String, TestMessage> byId = new HashMap<>();
        sent.forEach(m -> byId.put(m.testId(), m));
        Map<String, List<SinkMessage>> copies = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (SinkMessage d : delivered) {
            String subject = subject(d);
            String id = BridgeCorpus.testIdIn(subject).orElse("");
            if (byId.containsKey(id)) {
                copies.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
            } else {
                problems.add("unexpected message from <" + d.sender() + "> to " + d.recipients() + ", Subject \"" + subject + "\"");
            }
        }
        List<String> missing = new ArrayList<>();
        int duplicates = 0;
        for (TestMessage m : sent) {
            Set<String> reached = new HashSet<>();
            for (SinkMessage d : copies.getOrDefault(m.testId(), List.of())) {
                SigningKeys keys = SigningKeys.forSeed(seed, m.envelope().sender());
                List<String> differences = BridgeComparison.differences(m.content(), d.content(), keys, BridgeCorpus.ALPHA);
                differences.forEach(diff -> problems.add(m + " to " + d.recipients() + ": " + diff));
                for (String r : d.recipients()) {
                    if (!m.envelope().recipients().contains(r)) {
                        problems.add(m + ": delivered to <" + r + ">, not a recipient");
                    } else if (!reached.add(r)) {
                        duplicates++;
                    }
                }
            }
            m.envelope().recipients().stream().filter(r -> !reached.contains(r)).forEach(r -> missing.add(m.testId() + " to " + r));
        }
        return new BridgeCheck(List.copyOf(missing), List.copyOf(problems), duplicates);
    }

    /** How many (message, recipient) pairs have no copy yet; cheap: reads only the delivered headers. */
    public static int unreached(List<TestMessage> sent, List<SinkMessage> delivered) {
        Set<String> reached = new HashSet<>();
        for (SinkMessage d : delivered) {
            String id = testId(d);
            d.recipients().forEach(r -> reached.add(id + " " + r));
        }
        int n = 0;
        for (TestMessage m : sent) {
            for (String r : m.envelope().recipients()) {
                n += reached.contains(m.testId() + " " + r) ? 0 : 1;
            }
        }
        return n;
    }

    /** The test id in the Subject of a delivered message, or "". */
    public static String testId(SinkMessage d) {
        return BridgeCorpus.testIdIn(subject(d)).orElse("");
    }

    private static String subject(SinkMessage d) {
        return MimeEntity.header(d.content()).stream().filter(f -> f.name().equalsIgnoreCase("Subject")).findFirst()
                .map(f -> HeaderValues.text(f.value())).orElse("");
    }

    public boolean complete() {
        return missing.isEmpty() && problems.isEmpty();
    }

    /** A failure message for an assertion: counts, at most 50 missing and 30 problems. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(missing.size()).append(" missing ").append(missing.stream().limit(50).toList()).append('\n');
        sb.append(problems.size()).append(" problems:\n");
        problems.stream().limit(30).forEach(p -> sb.append("  ").append(p).append('\n'));
        return sb.toString();
    }
}
