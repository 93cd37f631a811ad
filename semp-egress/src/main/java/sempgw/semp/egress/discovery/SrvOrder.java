package sempgw.semp.egress.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The order in which SRV targets are tried (RFC 2782 "Usage rules", DISCOVERY.md §2.1, §2.3):
 * ascending priority; within one priority, a weighted random draw repeated until the set is
 * empty, zero-weight targets placed first so they keep a small chance. Duplicate host:port pairs
 * keep their first occurrence.
 */
final class SrvOrder {

    private SrvOrder() {
    }

    static List<ServerTarget> order(List<ServerTarget> targets, RandomGenerator random) {
        Map<String, ServerTarget> unique = new LinkedHashMap<>();
        for (ServerTarget t : targets) {
            unique.putIfAbsent(t.authority(), t);
        }
        Map<Integer, List<ServerTarget>> byPriority = new TreeMap<>();
        for (ServerTarget t : unique.values()) {
            byPriority.computeIfAbsent(t.priority(), p -> new ArrayList<>()).add(t);
        }
        List<ServerTarget> ordered = new ArrayList<>(unique.size());
        for (List<ServerTarget> group : byPriority.values()) {
            ordered.addAll(weighted(group, random));
        }
        return List.copyOf(ordered);
    }

    /** RFC 2782: running sums over the remaining targets, pick the first sum >= a uniform draw in [0, total]. */
    private static List<ServerTarget> weighted(List<ServerTarget> group, RandomGenerator random) {
        List<ServerTarget> remaining = new ArrayList<>(group.size());
        group.stream().filter(t -> t.weight() == 0).forEach(remaining::add);
        group.stream().filter(t -> t.weight() > 0).forEach(remaining::add);
        List<ServerTarget> out = new ArrayList<>(group.size());
        while (!remaining.isEmpty()) {
            long total = remaining.stream().mapToLong(ServerTarget::weight).sum();
            long draw = total == 0 ? 0 : random.nextLong(total + 1);
            long running = 0;
            for (int i = 0; i < remaining.size(); i++) {
                running += remaining.get(i).weight();
                if (running >= draw) {
                    out.add(remaining.remove(i));
                    break;
                }
            }
        }
        return out;
    }
}
