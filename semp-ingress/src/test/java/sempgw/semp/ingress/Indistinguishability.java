package sempgw.semp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonValue;

/**
 * What the existence-oracle tests of every package compare (DESIGN.md §2.7, DELIVERY.md §6.4.3):
 * the shape of two answers, their sizes, and their timing. The timing check runs both code paths
 * interleaved, so that JIT, GC and machine load hit both alike, and compares medians within a
 * generous factor: it catches a path that does visibly more or less work (an early return, an
 * extra lookup or signature), and is not a benchmark.
 */
public final class Indistinguishability {

    /** One call of a path under test; {@code i} numbers the calls of one path from 0. */
    @FunctionalInterface
    public interface Call {
        void run(int i) throws Exception;
    }

    private Indistinguishability() {
    }

    /** The structure of a JSON value: member names and value kinds, in name order, without values. */
    public static String shape(JsonValue v) {
        return switch (v) {
            case JsonObject o -> o.members().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ":" + shape(e.getValue())).collect(Collectors.joining(",", "{", "}"));
            case JsonArray a -> a.elements().stream().map(Indistinguishability::shape).collect(Collectors.joining(",", "[", "]"));
            default -> v.getClass().getSimpleName();
        };
    }

    /** The shape of a JSON document. */
    public static String shape(byte[] json) {
        try {
            return shape(JsonParser.parseObject(json));
        } catch (JsonException e) {
            throw new AssertionError("not a JSON object", e);
        }
    }

    /**
     * Runs {@code a} and {@code b} alternately, {@code warmup + rounds} times each, and asserts that
     * the medians of the last {@code rounds} calls of each are within {@code factor} of each other.
     */
    public static void assertComparableTimings(String what, int warmup, int rounds, double factor, Call a, Call b) throws Exception {
        long[] timesA = new long[rounds];
        long[] timesB = new long[rounds];
        for (int i = 0; i < warmup + rounds; i++) {
            long t0 = System.nanoTime();
            a.run(i);
            long t1 = System.nanoTime();
            b.run(i);
            long t2 = System.nanoTime();
            if (i >= warmup) {
                timesA[i - warmup] = t1 - t0;
                timesB[i - warmup] = t2 - t1;
            }
        }
        double ratio = (double) median(timesA) / median(timesB);
        assertThat(ratio).as("%s: median %d ns / median %d ns", what, median(timesA), median(timesB)).isBetween(1 / factor, factor);
    }

    /** The median of {@code values}. */
    public static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
