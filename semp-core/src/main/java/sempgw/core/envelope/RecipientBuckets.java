package sempgw.core.envelope;

import java.util.OptionalInt;

/**
 * Recipient-count padding of the seal maps (ENVELOPE.md §4.4.1).
 *
 * <ul>
 *   <li>{@code enclosure_recipients} holds the smallest of 1, 2, 4, ..., 1024 at least the number
 *   of real recipient client keys.</li>
 *   <li>{@code brief_recipients} holds that bucket plus {@code max(D, 1)} rounded up to a power
 *   of two, D being the domain-key entries.</li>
 * </ul>
 * One real key therefore gives one entry, never two: the normative text (smallest bucket at least
 * the count) and semp-go agree, and the "1 (group) -> 2" row of VECTORS.md §3.4 contradicts both
 * (docs/interop.md). Beyond 1024 there is no bucket and the envelope must be split.
 */
public final class RecipientBuckets {
    /** The largest bucket. */
    public static final int MAX = 1024;

    private RecipientBuckets() {
    }

    /** The {@code enclosure_recipients} size for {@code realKeys} keys, empty above 1024. */
    public static OptionalInt enclosureBucket(int realKeys) {
        if (realKeys < 1) {
            throw new IllegalArgumentException("an envelope has at least one recipient key");
        }
        return realKeys > MAX ? OptionalInt.empty() : OptionalInt.of(ceilPowerOfTwo(realKeys));
    }

    /** The {@code brief_recipients} size for an enclosure bucket and {@code domainKeys} domain-key entries. */
    public static int briefEntries(int enclosureBucket, int domainKeys) {
        return enclosureBucket + ceilPowerOfTwo(Math.max(domainKeys, 1));
    }

    /** The smallest power of two at least {@code n} (n at least 1). */
    static int ceilPowerOfTwo(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
