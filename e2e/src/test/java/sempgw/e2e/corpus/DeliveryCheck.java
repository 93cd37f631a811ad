package sempgw.e2e.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sempgw.e2e.smtp.SinkMessage;

/**
 * Matches what the sink received against what was submitted, by {@code X-Test-Id}: every
 * submitted message must arrive for each of its recipients, byte-identical apart from
 * prepended trace fields (see {@link MessageComparison}), with its envelope sender and
 * recipients unchanged and its {@code BODY=8BITMIME} / {@code SMTPUTF8} parameters passed on
 * (RFC 6152 §3, RFC 6531 §3.4). Extra copies of a message are counted as duplicates; a message
 * that was never submitted (a bounce, say) is a problem.
 */
public record DeliveryCheck(List<String> missing, List<String> problems, int duplicates, Map<String, Integer> prependedFields) {

    public static DeliveryCheck of(List<TestMessage> submitted, List<SinkMessage> delivered) {
        Map<String, TestMessage> byId = new HashMap<>();
        submitted.forEach(m -> byId.put(m.testId(), m));
        Map<String, List<SinkMessage>> copies = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (SinkMessage d : delivered) {
            String id = MessageComparison.headerValue(d.content(), "X-Test-Id").orElse("");
            if (!byId.containsKey(id)) {
                problems.add("unexpected message from <" + d.sender() + "> to " + d.recipients() + " (X-Test-Id \"" + id + "\")");
            } else {
                copies.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
            }
        }
        List<String> missing = new ArrayList<>();
        Map<String, Integer> prepended = new TreeMap<>();
        int duplicates = 0;
        for (TestMessage m : submitted) {
            List<SinkMessage> got = copies.getOrDefault(m.testId(), List.of());
            Set<String> seen = new HashSet<>();
            for (SinkMessage d : got) {
                checkCopy(m, d, problems, prepended);
                for (String r : d.recipients()) {
                    if (!seen.add(r)) {
                        duplicates++;
                    }
                }
            }
            if (!seen.containsAll(m.envelope().recipients())) {
                missing.add(m.testId());
            }
        }
        return new DeliveryCheck(List.copyOf(missing), List.copyOf(problems), duplicates, Map.copyOf(prepended));
    }

    private static void checkCopy(TestMessage m, SinkMessage d, List<String> problems, Map<String, Integer> prepended) {
        switch (MessageComparison.compare(m.content(), d.content())) {
            case MessageComparison.Verdict.Identical(List<String> fields) -> fields.forEach(f -> prepended.merge(f, 1, Integer::sum));
            case MessageComparison.Verdict.Different(String reason) -> problems.add(m + ": content changed: " + reason);
        }
        if (!d.sender().equals(m.envelope().sender())) {
            problems.add(m + ": envelope sender <" + d.sender() + ">, expected <" + m.envelope().sender() + ">");
        }
        if (!m.envelope().recipients().containsAll(d.recipients())) {
            problems.add(m + ": envelope recipients " + d.recipients() + ", expected some of " + m.envelope().recipients());
        }
        if (m.envelope().eightBit() && !d.hasParameter("BODY=8BITMIME")) {
            problems.add(m + ": 8-bit body arrived without BODY=8BITMIME, parameters " + d.mailParameters());
        }
        if (m.envelope().smtpUtf8() && !d.hasParameter("SMTPUTF8")) {
            problems.add(m + ": arrived without SMTPUTF8, parameters " + d.mailParameters());
        }
    }

    public boolean complete() {
        return missing.isEmpty() && problems.isEmpty();
    }

    /** A failure message for an assertion, listing at most 20 problems. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(missing.size()).append(" missing ").append(missing.stream().limit(50).toList()).append('\n');
        sb.append(problems.size()).append(" problems:\n");
        problems.stream().limit(20).forEach(p -> sb.append("  ").append(p).append('\n'));
        return sb.toString();
    }
}
